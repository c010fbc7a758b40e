package org.camlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A cli class that builds JSON itself: LayeringTest shows that its rule catches this. */
public final class JsonByHandForLayeringTest {
    private JsonByHandForLayeringTest() {
    }

    public static String wrong() {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("chart", true);
        return o.toString();
    }
}
