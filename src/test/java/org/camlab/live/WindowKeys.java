package org.camlab.live;

import java.awt.Color;
import java.awt.Robot;
import java.awt.event.KeyEvent;

/**
 * Presses keys on an X display as a person would, without clicking anything first: a process of
 * its own (the tests' JVM is headless). Waits until a window shows at the screen's top left, moves
 * the pointer off it, and types each argument's first letter; an argument {@code @X,Y} rests the
 * pointer there instead (a tooltip shows), {@code +MS} waits that many milliseconds.
 */
public final class WindowKeys {
    private WindowKeys() {
    }

    public static void main(String[] keys) throws Exception {
        Robot robot = new Robot();
        robot.mouseMove(1390, 890); // the window opens at 0, 0: the pointer is nowhere near it
        long deadline = System.currentTimeMillis() + 90_000;
        while (robot.getPixelColor(300, 200).equals(Color.BLACK) || robot.getPixelColor(300, 200).equals(
                Color.DARK_GRAY)) {
            if (System.currentTimeMillis() > deadline) {
                System.out.println("no window");
                System.exit(1);
            }
            Thread.sleep(200); // the X root is black, the preview dark gray until its first frame
        }
        Thread.sleep(1500);
        for (String k : keys) {
            if (k.startsWith("+")) {
                Thread.sleep(Long.parseLong(k.substring(1)));
                continue;
            }
            if (k.startsWith("@")) {
                String[] xy = k.substring(1).split(",");
                robot.mouseMove(Integer.parseInt(xy[0]), Integer.parseInt(xy[1]));
                continue;
            }
            int code = KeyEvent.getExtendedKeyCodeForChar(k.charAt(0));
            robot.keyPress(code);
            robot.delay(40);
            robot.keyRelease(code);
            robot.delay(400);
        }
        System.out.println("pressed " + String.join(" ", keys));
        System.exit(0);
    }
}
