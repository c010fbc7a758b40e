import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws the picture the package's ahead-of-time cache is trained on (build-packages.sh runs it with
 * the bundled runtime's source launcher): a face-like oval before a bright window, 512×512, so that
 * a training run of {@code camlab analyze} goes through the still, face, metric and report code.
 */
public class TrainingStill {
    public static void main(String[] args) throws Exception {
        BufferedImage img = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(70, 66, 60));
        g.fillRect(0, 0, 512, 512);
        g.setColor(new Color(235, 240, 250));
        g.fillRect(300, 40, 180, 240);
        g.setColor(new Color(60, 50, 45));
        g.fillOval(170, 120, 170, 210);
        g.setColor(new Color(200, 160, 135));
        g.fillOval(185, 150, 140, 180);
        g.setColor(new Color(40, 30, 30));
        g.fillOval(220, 210, 20, 12);
        g.fillOval(270, 210, 20, 12);
        g.fillRect(235, 280, 40, 6);
        g.setColor(new Color(40, 60, 110));
        g.fillRoundRect(130, 340, 250, 200, 60, 60);
        g.dispose();
        ImageIO.write(img, "png", new File(args[0]));
    }
}
