package org.camlab.rooms;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Flyway's data source over camlab's one connection: an SQLite file is opened once per process
 * (its WAL settings live on the connection), and Flyway must not close it after migrating.
 */
final class SingleConnection implements DataSource {
    private final String url;
    private final Connection connection;

    SingleConnection(String url, Connection connection) {
        this.url = url;
        this.connection = connection;
    }

    @Override
    public Connection getConnection() {
        // close() is what Flyway calls when done: kept open for the store
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String user, String password) {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("org.camlab.rooms");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(connection)) {
            return iface.cast(connection);
        }
        throw new SQLException("not a " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(connection);
    }

    @Override
    public String toString() {
        return RoomStore.redact(url);
    }
}
