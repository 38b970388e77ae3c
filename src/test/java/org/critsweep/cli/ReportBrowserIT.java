package org.critsweep.cli;

import static org.critsweep.testing.InProcessCli.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.critsweep.testing.Outcome;
import org.critsweep.testing.ProcessRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report as a user sees it: a small campaign run in-process, its {@code report/index.html} rendered by headless
 * Chromium (installed by {@code jobs/install-chromium.sh}); every plot must load in the browser and show something,
 * and the exponent table and the verdict must be on the page. The screenshot is kept in
 * {@code target/report-browser/} to be looked at.
 */
class ReportBrowserIT {

    static final Path KEPT = ProcessRunner.ROOT.resolve("target/report-browser");
    /** The browser's flags for a headless run as root, with no network chatter and a fresh profile. */
    static final List<String> FLAGS = List.of("--no-sandbox", "--headless", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    /** Appended to a copy of the page: after every image has loaded or failed, one line per image. */
    static final String IMAGE_CHECK = """
            <script>window.addEventListener('load', () => {
              const lines = [...document.images].map((img, i) =>
                  'image ' + i + ' complete=' + img.complete + ' naturalWidth=' + img.naturalWidth);
              const pre = document.createElement('pre');
              pre.id = 'image-check';
              pre.textContent = lines.join('\\n');
              document.body.appendChild(pre);
            });</script>
            """;
    static final Pattern PNG = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");
    static final Pattern CHECKED = Pattern.compile("image (\\d+) complete=(\\w+) naturalWidth=(\\d+)");
    static final Pattern SVG_LINK = Pattern.compile("<a href=\"(figures/[^\"]+\\.svg)\">SVG</a>");
    static final Pattern ALT = Pattern.compile("<img src=\"data:image/png;base64,[A-Za-z0-9+/=]+\"[^>]*"
            + " alt=\"([^\"]*)\"");
    static final Pattern OMITTED = Pattern.compile("<p class=\"omitted\"><strong>([^<]*)</strong> — not drawn:"
            + " ([^<]*)</p>");
    /**
     * The plots this campaign is made to have (their titles' beginnings, which hold no character HTML escapes): none
     * may be replaced by a "not drawn" line.
     */
    static final List<String> MAIN_PLOTS = List.of("ρ(l) across the transition", "ρ(l) at the critical point",
            "λ_N(σ_w) per N", "σ_w,c(N) against 1/N", "Effective exponent δ_eff(l)", "Before scaling: ln ρ",
            "Depth scan after scaling (HH)", "λ_N after scaling (HH)", "Phase diagram");

    @TempDir
    static Path temp;
    static String browser;
    static Path report;
    static String html;

    static Outcome chromium(String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(browser));
        line.addAll(FLAGS);
        line.add("--user-data-dir=" + Files.createTempDirectory(temp, "profile"));
        line.addAll(List.of(args));
        return ProcessRunner.command(line).run(temp, Duration.ofMinutes(5));
    }

    /**
     * Two widths whose λ_N roots (about 1.3956 + 3.08/N) lie inside the σ_w scan, and a decay window of a decade so
     * that δ, and with it a verdict, is fitted.
     */
    @BeforeAll
    static void runCampaignAndInstallTheBrowser() throws Exception {
        Outcome install = ProcessRunner.script("jobs/install-chromium.sh").run(temp, Duration.ofMinutes(5));
        assertEquals(0, install.exitCode(), install.err());
        browser = install.out().strip();
        assertTrue(Files.isExecutable(Path.of(browser)), "install-chromium.sh prints the browser's path: " + browser);

        Path conf = Files.writeString(temp.resolve("browser.conf"), """
                campaign { name = browser, seed = 7883 }
                grid {
                  activation = tanh
                  sigma_b = 0.3
                  sigma_w = { linspace = [1.35, 1.60, 6] }
                  width = [32, 64]
                  depth = 128
                  replicas = 16
                }
                analysis { bootstrap = 20, collapse = [hh], decay_window = [10, 120] }
                """);
        Path output = temp.resolve("campaign");
        Outcome run = cli("run", conf.toString(), "--master", "local[2]", "--set",
                "campaign.output=\"" + output + "\"");
        assertEquals(0, run.exitCode(), run.err());
        report = output.resolve("report/index.html");
        assertTrue(run.out().contains("Report (plots, exponent table, verdict, manifest): " + report), run.out());
        html = Files.readString(report);
    }

    @Test
    void everyPlotLoadsInTheBrowserAndShowsSomething() throws Exception {
        Files.createDirectories(KEPT);
        Path checked = KEPT.resolve("index-with-image-check.html");
        Files.writeString(checked, html.replace("</body>", IMAGE_CHECK + "</body>"));
        Outcome dom = chromium("--dump-dom", checked.toUri().toString());
        assertEquals(0, dom.exitCode(), dom.err());

        List<byte[]> plots = new ArrayList<>();
        for (Matcher m = PNG.matcher(html); m.find(); ) {
            plots.add(Base64.getDecoder().decode(m.group(1)));
        }
        assertTrue(plots.size() >= 8, "ρ(l) twice, λ_N, the extrapolation, δ_eff, two collapses and the phase"
                + " diagram at least: " + plots.size());
        Matcher m = CHECKED.matcher(dom.out());
        int images = 0;
        while (m.find()) {
            assertEquals(images, Integer.parseInt(m.group(1)));
            assertEquals("true", m.group(2), "image " + images + " finished loading");
            assertTrue(Integer.parseInt(m.group(3)) > 0, "image " + images + " is not broken");
            images++;
        }
        assertEquals(plots.size(), images, "the browser saw every plot: " + dom.out());
        for (int i = 0; i < plots.size(); i++) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(plots.get(i)));
            assertTrue(inkFraction(image) > 0.01, "plot " + i + " is not blank: " + inkFraction(image));
        }
    }

    /** The main plots are drawn, under unique titles; each SVG link resolves to a file the browser draws. */
    @Test
    void theMainPlotsAreDrawnOnceEachAndTheirSvgFilesLoadInTheBrowser() throws Exception {
        List<String> titles = new ArrayList<>();
        for (Matcher m = ALT.matcher(html); m.find(); ) {
            titles.add(m.group(1));
        }
        assertEquals(titles.size(), new java.util.HashSet<>(titles).size(), "no title twice: " + titles);
        for (String plot : MAIN_PLOTS) {
            assertTrue(titles.stream().anyMatch(t -> t.startsWith(plot)), plot + " is drawn: " + titles);
        }
        for (Matcher m = OMITTED.matcher(html); m.find(); ) {
            String omitted = m.group(1);
            assertTrue(MAIN_PLOTS.stream().noneMatch(p -> omitted.startsWith(p)),
                    "a main plot is not drawn: " + m.group());
        }

        List<String> svgs = new ArrayList<>();
        for (Matcher m = SVG_LINK.matcher(html); m.find(); ) {
            svgs.add(m.group(1));
        }
        assertEquals(titles.size(), svgs.size(), "an SVG link under every figure");
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
        for (String svg : svgs) {
            Path file = report.getParent().resolve(svg);
            assertTrue(Files.size(file) > 1000, svg + " is written beside the page");
            assertTrue(Files.exists(report.getParent().resolve(svg.replace(".svg", ".png"))), svg + "'s PNG too");
            page.append("<img src=\"").append(svg).append("\">\n");
        }
        page.append(IMAGE_CHECK).append("</body></html>\n");
        Path check = report.getParent().resolve("svg-check.html");
        Files.writeString(check, page);
        Outcome dom = chromium("--dump-dom", check.toUri().toString());
        assertEquals(0, dom.exitCode(), dom.err());
        Matcher m = CHECKED.matcher(dom.out());
        int loaded = 0;
        while (m.find()) {
            assertEquals("true", m.group(2), svgs.get(loaded) + " finished loading");
            assertTrue(Integer.parseInt(m.group(3)) > 0, svgs.get(loaded) + " is a picture the browser draws");
            loaded++;
        }
        assertEquals(svgs.size(), loaded, "the browser saw every SVG: " + dom.out());
        Files.delete(check);
    }

    @Test
    void theScreenshotShowsThePageWithTheExponentTableAndTheVerdict() throws Exception {
        Files.createDirectories(KEPT);
        Files.writeString(KEPT.resolve("index.html"), html);
        Path screenshot = KEPT.resolve("screenshot.png");
        Files.deleteIfExists(screenshot);
        Path page = KEPT.resolve("index.html");
        Outcome shot = chromium("--screenshot=" + screenshot, "--window-size=1400,9000", "--hide-scrollbars",
                page.toUri().toString());
        assertEquals(0, shot.exitCode(), shot.err());
        BufferedImage pixels = ImageIO.read(screenshot.toFile());
        assertEquals(1400, pixels.getWidth());
        assertTrue(inkFraction(pixels) > 0.02, "the page is drawn: " + inkFraction(pixels));

        Outcome dom = chromium("--dump-dom", page.toUri().toString());
        assertEquals(0, dom.exitCode(), dom.err());
        for (int width : new int[] {32, 64}) {
            assertTrue(dom.out().contains("<td class=\"name\">N=" + width + "</td><td class=\"name\">sigma_w_c</td>"),
                    "the exponent table has the root of N=" + width);
        }
        assertTrue(dom.out().contains("<td class=\"name\">N-&gt;inf</td><td class=\"name\">sigma_w_c_inf</td>"));
        assertTrue(Pattern.compile("<li><strong>mlp/tanh/gram sigma_b=0.3</strong>: (mean field \\(|ambiguous: [^(]* \\("
                + "|undetermined \\(|none: no constrained classifying exponent)").matcher(dom.out()).find(),
                "the verdict leads the page");
    }

    @Test
    void reportCommandWritesTheReportAgainFromTheTables() throws IOException {
        Files.delete(report);
        Outcome again = cli("report", report.getParent().getParent().toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains(report.toString()), again.out());
        assertTrue(Files.readString(report).contains("sigma_w_c_inf"));
    }

    /** The fraction of pixels that are not the white background. */
    static double inkFraction(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                ink += (image.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF ? 0 : 1;
            }
        }
        return ink / (double) (image.getWidth() * image.getHeight());
    }
}
