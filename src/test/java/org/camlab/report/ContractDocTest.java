package org.camlab.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camlab.cli.ExitCodes;
import org.camlab.results.ChartField;
import org.camlab.results.Metric;
import org.junit.jupiter.api.Test;

/** docs/CONTRACT.md, the users' copy of the contract, names every metric with its unit and every exit code. */
class ContractDocTest {
    private static String doc() throws IOException {
        return Files.readString(Path.of("docs/CONTRACT.md"));
    }

    @Test
    void everyMetricOfTheCatalogueIsDefinedWithItsUnit() throws IOException {
        String doc = doc();
        for (Metric m : Metric.values()) {
            String row = doc.lines().filter(l -> l.startsWith("| `" + m.path() + "` |")).findFirst().orElse(null);
            assertTrue(row != null, "docs/CONTRACT.md has no row for " + m.path());
            assertTrue(row.startsWith("| `" + m.path() + "` | " + m.unit + " |"), "unit of " + m.path() + " is "
                    + m.unit
                    + ": " + row);
            assertTrue(row.contains(m.definition), "definition of " + m.path() + " differs from the catalogue: " + row);
        }
    }

    @Test
    void everyNumberOfTheChartIsDocumented() throws IOException {
        String doc = doc();
        String chart = doc.substring(doc.indexOf("## The test chart"), doc.indexOf("## Requirements"));
        for (ChartField f : ChartField.values()) {
            assertTrue(chart.contains("`" + f.field + "`"), "docs/CONTRACT.md's test chart does not name " + f.field);
            assertTrue(f.unit.isEmpty() || chart.contains(f.unit), "the unit of chart." + f.field + ", " + f.unit
                    + ", is not in docs/CONTRACT.md");
        }
    }

    @Test
    void everyExitCodeIsDocumented() throws IOException, IllegalAccessException {
        String doc = doc();
        for (Field f : ExitCodes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                int code = f.getInt(null);
                assertTrue(doc.contains("| " + code + " |"), "exit code " + code + " (" + f.getName()
                        + ") is not in docs/CONTRACT.md");
            }
        }
        assertTrue(doc.contains("130, 143"), "signal exits");
    }
}
