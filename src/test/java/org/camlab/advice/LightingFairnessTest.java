package org.camlab.advice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.camlab.fixtures.Fixtures;
import org.camlab.fixtures.Scenes;
import org.camlab.image.Face;
import org.camlab.results.Metric;
import org.camlab.results.SessionReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lighting advice must be fair to every skin tone: the same portrait with its skin made two
 * stops darker (a change of reflectance, light unchanged) trips neither {@code underexposed} nor
 * {@code backlight}; the same scene with two stops less light does trip {@code underexposed},
 * whatever the skin.
 */
class LightingFairnessTest {
    static final double DARKER_SKIN_STOPS = -2.0;
    static final double LESS_LIGHT_STOPS = -2.0;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"astronaut.png", "face_portrait_man_outdoor.jpg", "face_portrait_man_goatee.jpg",
            "face_webcam_woman_indoor_overlay.jpg"})
    void darkerSkinInGoodLightIsNotUnderexposedOrBacklit(String name) {
        BufferedImage photo = Scenes.read(Fixtures.real(name));
        Face face = Portraits.face(photo);
        BufferedImage darkerSkin = Scenes.relight(photo,
                (x, y, rgb) -> Portraits.head(face, x, y) && Portraits.skin(rgb) ? DARKER_SKIN_STOPS : 0);
        SessionReport original = Portraits.analyse(photo);
        SessionReport darker = Portraits.analyse(darkerSkin);
        List<String> ids = new Advisor().ids(darker);
        String numbers = String.format("%s: face luma %.0f → %.0f, ratio %.2f → %.2f stops, frame mean %.0f → %.0f, "
                + "surround %.0f → %.0f, surround p98 %.0f → %.0f; advice %s",
                name, original.value(Metric.FACE_LUMA), darker.value(Metric.FACE_LUMA), original.value(
                        Metric.BACKLIGHT_RATIO),
                darker.value(Metric.BACKLIGHT_RATIO), original.value(Metric.MEAN_LUMA), darker.value(Metric.MEAN_LUMA),
                original.value(Metric.SURROUND_LUMA), darker.value(Metric.SURROUND_LUMA),
                original.value(Metric.SURROUND_HIGHLIGHT), darker.value(Metric.SURROUND_HIGHLIGHT), ids);
        System.out.println(numbers);
        assertTrue(darker.faceDetected(), "darker face still found: " + numbers);
        assertTrue(darker.value(Metric.FACE_LUMA) < original.value(Metric.FACE_LUMA) - 20, "skin really darker: "
                + numbers);
        assertFalse(ids.contains("underexposed"), numbers);
        assertFalse(ids.contains("backlight"), numbers);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"astronaut.png", "face_portrait_man_outdoor.jpg", "face_portrait_man_goatee.jpg",
            "face_webcam_woman_indoor_overlay.jpg"})
    void lessLightIsUnderexposedForLighterAndDarkerSkin(String name) {
        BufferedImage photo = Scenes.read(Fixtures.real(name));
        Face face = Portraits.face(photo);
        BufferedImage dim = Scenes.relight(photo, (x, y, rgb) -> LESS_LIGHT_STOPS);
        BufferedImage darkerSkinDim = Scenes.relight(photo,
                (x, y, rgb) -> LESS_LIGHT_STOPS + (Portraits.head(face, x, y) && Portraits.skin(rgb) ? DARKER_SKIN_STOPS
                        : 0));
        for (BufferedImage img : new BufferedImage[]{dim, darkerSkinDim}) {
            SessionReport r = Portraits.analyse(img);
            List<String> ids = new Advisor().ids(r);
            String numbers = String.format(
                    "%s dim: subject %.0f, frame mean %.0f, surround %.0f, surround p98 %.0f; advice %s",
                    name, r.value(Metric.SUBJECT_LUMA), r.value(Metric.MEAN_LUMA), r.value(Metric.SURROUND_LUMA),
                    r.value(Metric.SURROUND_HIGHLIGHT), ids);
            System.out.println(numbers);
            assertTrue(ids.contains("underexposed"), numbers);
        }
    }
}
