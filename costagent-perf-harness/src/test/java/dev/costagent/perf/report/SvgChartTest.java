package dev.costagent.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgChartTest {

    @Test
    void rendersWellFormedSvgWithOneLinePerSeriesAndDashedFits() throws Exception {
        Chart chart = Chart.linear(
                "Speedup <with> fits & more",
                "workers",
                "speedup",
                List.of(
                        Series.measured("measured", new double[] {1, 2, 4}, new double[] {1, 1.9, 3.2}),
                        Series.fitted("USL", new double[] {1, 2, 3, 4}, new double[] {1, 1.95, 2.7, 3.3})));
        String svg = SvgChart.render(chart);
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("circle").getLength()).isEqualTo(3); // markers on measured points only
        assertThat(svg).contains("stroke-dasharray").contains("Speedup &lt;with&gt; fits &amp; more");
        assertThat(svg).doesNotContain("<script").doesNotContain("href");
    }

    @Test
    void nanLeavesAGapAndLogAxesTickAtPowersOfTen() throws Exception {
        Chart chart = Chart.logLog(
                "Volume",
                "records",
                "ms",
                List.of(Series.measured(
                        "t", new double[] {100, 1_000, 10_000, 100_000}, new double[] {0.1, Double.NaN, 10, 100})));
        String svg = SvgChart.render(chart);
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(svg).contains(">100<").contains(">10k<").contains(">100k<").contains("records (log)");
    }

    @Test
    void emptyChartSaysSo() throws Exception {
        String svg = SvgChart.render(Chart.linear(
                "Empty", "x", "y", List.of(Series.measured("none", new double[] {1}, new double[] {Double.NaN}))));
        parse(svg);
        assertThat(svg).contains("no data");
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
