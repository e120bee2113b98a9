package dev.portalloc.testing;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code /q/metrics} in the Prometheus text format, read one sample at a time. */
public final class PrometheusScrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    private PrometheusScrape(String text) {
        this.text = text;
    }

    public static PrometheusScrape now() {
        return new PrometheusScrape(given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .extract().asString());
    }

    /** Returns the value of the sample with exactly these labels, or 0 when the scrape has no such sample. */
    public double value(String name, Map<String, String> labels) {
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(1).equals(name) && labels(sample.group(3)).equals(labels)) {
                return Double.parseDouble(sample.group(4));
            }
        }
        return 0;
    }

    public boolean has(String name) {
        return text.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }

    private static Map<String, String> labels(String block) {
        Map<String, String> labels = new HashMap<>();
        if (block != null) {
            Matcher label = LABEL.matcher(block);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }
}
