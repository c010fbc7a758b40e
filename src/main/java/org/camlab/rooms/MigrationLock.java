package org.camlab.rooms;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Held while an SQLite file is set up and migrated, so that several camlabs opening a new file at
 * once take turns: Flyway locks nothing on SQLite, and two first migrations racing each other fail
 * one of them ("table room already exists", a locked database). A lock, rather than retrying, because
 * what a racing migration breaks is not one error that can be told apart and retried, and a half-made
 * schema history is worse than a wait of a few hundred milliseconds.
 *
 * <p>The lock is an OS lock on a file of its own beside the database ({@code rooms.db.lock}), never on
 * the database: SQLite's own POSIX locks on a file are all dropped when the process closes any
 * descriptor of it. OS file locks belong to the process, so threads of one process take turns on a
 * lock of their own first.
 */
final class MigrationLock implements AutoCloseable {
    /** Long enough for any migration of camlab's; beyond it a camlab holding the lock is stuck, not slow. */
    private static final long PATIENCE_MILLIS = 60_000;
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock thread;
    private final FileChannel channel;
    private final FileLock lock;

    private MigrationLock(ReentrantLock thread, FileChannel channel, FileLock lock) {
        this.thread = thread;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Waits for the lock of {@code database}. Where no lock file can be made (a read-only directory)
     * no migration can write either, and where the file system locks nothing (some network shares)
     * SQLite's own locking is all there is: the lock is then the threads' alone.
     */
    static MigrationLock take(Path database) throws StoreException {
        Path file = database.resolveSibling(database.getFileName() + ".lock");
        ReentrantLock thread = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        try {
            if (!thread.tryLock(PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
                throw busy(database);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to open " + database, e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            for (;;) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new MigrationLock(thread, channel, lock);
                }
                if (System.currentTimeMillis() > deadline) {
                    throw busy(database);
                }
                Thread.sleep(20);
            }
        } catch (IOException e) {
            close(channel);
            return new MigrationLock(thread, null, null);
        } catch (InterruptedException e) {
            close(channel);
            thread.unlock();
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to open " + database, e);
        } catch (StoreException e) {
            close(channel);
            thread.unlock();
            throw e;
        }
    }

    private static StoreException busy(Path database) {
        return new StoreException("another camlab has been preparing " + database + " for over "
                + PATIENCE_MILLIS / 1000 + " s (its lock is " + database.getFileName() + ".lock): is one stuck?");
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // releasing: nothing more to do
            }
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException e) {
            // closing the channel below releases it as well
        }
        close(channel);
        thread.unlock();
    }
}
