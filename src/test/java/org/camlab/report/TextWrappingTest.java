package org.camlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.camlab.text.Language;
import org.junit.jupiter.api.Test;

/**
 * Rows of items joined by " · " wrap between the items: an item that fits on a line of its own is
 * never cut in two, in Chinese (no spaces to break at) as in English, and no line is wider than the
 * terminal.
 */
class TextWrappingTest {
    static final String ZH = "平均 136.3 码值 · 主体 116.1 码值 · 高光溢出 13.66 % · 暗部死黑 0.00 % · 抖动 0.00 ms · 丢帧 0 帧 · "
            + "冻结 0 帧 · 闪烁 无 · 四角 +1.14 档 · 左/右 +0.85 档";
    static final String EN = "mean 136.3 code values · subject 116.1 code values · clipped 13.66 % · crushed 0.00 % "
            + "· jitter 0.00 ms · dropped 0 frames · frozen 0 frames · flicker none";

    @Test
    void itemsStayWholeAndLinesFit() {
        for (Language language : List.of(Language.ENGLISH, Language.SIMPLIFIED_CHINESE)) {
            String row = language == Language.ENGLISH ? EN : ZH;
            List<String> items = List.of(row.split(" · "));
            for (int width = 40; width <= 120; width += 7) {
                String text = new TextReport(false, width, Terms.of(language)).block("T", List.of(row));
                List<String> lines = text.lines().skip(1).map(String::strip).toList();
                for (String line : text.lines().toList()) {
                    assertTrue(TextReport.columns(line) <= width, width + ": " + line);
                }
                for (String item : items) {
                    assertTrue(lines.stream().anyMatch(l -> l.contains(item)), language + " at " + width
                            + " columns cut '" + item + "':\n" + text);
                }
                assertEquals(row, String.join(" ", lines), "nothing lost or added");
            }
        }
    }
}
