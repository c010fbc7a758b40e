package org.camlab.core;

import org.camlab.session.SessionOptions;

/** A core class that reaches up into the session: LayeringTest shows that its rule catches this. */
public final class WrongWayForLayeringTest {
    private WrongWayForLayeringTest() {
    }

    public static Object wrong() {
        return SessionOptions.defaults();
    }
}
