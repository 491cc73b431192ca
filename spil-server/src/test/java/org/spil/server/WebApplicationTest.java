package org.spil.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spil.app.Administration;
import org.spil.app.Ingestion;
import org.spil.app.Operator;
import org.spil.ingest.Dataset;
import org.spil.store.Store;

/**
 * The web application in Debian's Chromium, driven as an analyst would: two agencies' analysts see
 * different versions of the same person; the police analyst walks search, entity page, network
 * (expand, shortest path), timeline, map and the review queue; customs asks hit/no-hit, requests
 * access, the police grant it and customs then sees the person. axe-core checks every page for
 * serious and critical WCAG 2.1 AA violations, and each page is photographed (to {@code
 * target/screenshots}, and to {@code docs/img} with {@code -Dspil.screenshots=../docs/img}).
 * Without Chromium the test is skipped, unless {@code SPIL_BROWSER_TESTS=required} (CI) makes that
 * a failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebApplicationTest {
  static final String PASSWORD = "a long enough test password";
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path AXE = Path.of("../spil-web/node_modules/axe-core/axe.min.js");

  @TempDir static Path tmp;
  Store store;
  ApiServer server;
  WebDriver browser;
  String axe;

  @BeforeAll
  void start() throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "required".equals(System.getenv("SPIL_BROWSER_TESTS"))) {
      throw new IllegalStateException(
          "the browser tests need Debian's chromium and chromium-driver"
              + " (apt-get install -y chromium chromium-driver)");
    }
    assumeTrue(present, "Chromium is not installed; the browser tests are skipped");
    axe = Files.readString(AXE, StandardCharsets.UTF_8);
    store = Store.open(tmp.resolve("data"), true, LocalDate.now());
    Path examples = Path.of("../examples");
    for (Dataset d :
        Ingestion.read(
            List.of(
                examples.resolve("politie-nl"),
                examples.resolve("douane-nl"),
                examples.resolve("politie-bank"),
                examples.resolve("politie-chats")))) {
      Ingestion.run(store, d, LocalDate.now(), new Operator("test"), n -> {}, n -> {});
    }
    Administration admin = new Administration(store);
    for (String[] u :
        List.of(
            new String[] {"ann", "politie-nl", "analyst"},
            new String[] {"dirk", "douane-nl", "analyst"},
            new String[] {"fg", "politie-nl", "privacy-officer"})) {
      admin.addUser(new Operator("test"), u[0], u[1], List.of(u[2]), PASSWORD.toCharArray());
    }
    server = ApiServer.start(store, "127.0.0.1", 0);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1400,900",
        "--lang=en-GB",
        "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  String url(String hash) {
    return "http://127.0.0.1:" + server.port() + "/" + hash;
  }

  WebElement waitFor(String css) {
    return new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  void waitForText(String css, String text) {
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  /** Waits until the page has rendered (its loading bar is gone). */
  void settled() {
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> d.findElements(By.cssSelector(".loading-bar")).isEmpty());
  }

  void open(String hash) {
    browser.get(url("#/" + hash));
    waitFor("#main");
    settled();
  }

  /** Logs in and chooses the purpose (null for an overseer, who reads for none). */
  void login(String user, String purpose) {
    browser.manage().deleteAllCookies();
    browser.get(url(""));
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    browser.navigate().refresh();
    waitFor("#login-user").sendKeys(user);
    browser.findElement(By.id("login-password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("form.login button[type=submit]")).click();
    if (purpose == null) {
      waitFor("header.top");
    } else {
      new Select(waitFor("#purpose-choice")).selectByValue(purpose);
      browser.findElement(By.cssSelector("form.login button[type=submit]")).click();
      waitFor("#purpose");
    }
    settled();
  }

  String text() {
    return browser.findElement(By.tagName("body")).getText();
  }

  /** Serious and critical WCAG 2.1 A/AA violations axe-core finds on the page, as JSON. */
  String accessibilityViolations() {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(axe);
    Object found =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa',"
                + " 'wcag21a', 'wcag21aa']}}).then(r => done(JSON.stringify(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))),"
                + " e => done('axe failed: ' + e));");
    return String.valueOf(found);
  }

  /** Checks the page with axe-core and keeps a screenshot of it. */
  void checkAndPhotograph(String name) throws IOException {
    assertThat(accessibilityViolations()).as("axe-core on " + name).isEqualTo("[]");
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Path dir = Path.of("target/screenshots");
    Files.createDirectories(dir);
    Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    String docs = System.getProperty("spil.screenshots");
    if (docs != null && !docs.isBlank()) {
      Files.createDirectories(Path.of(docs));
      Files.copy(
          shot, Path.of(docs, "example-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void analystsWalkFromSearchToGrantWithoutTheCommandLine() throws Exception {
    // the police analyst: search, entity page with provenance
    login("ann", "wpg-art-9");
    checkAndPhotograph("search-empty");
    WebElement box = waitFor("#q");
    box.sendKeys("Mohamed El Amrani", Keys.ENTER);
    waitFor("ol.results a.caption");
    settled();
    assertThat(text()).contains("Mohamed", "El Amrani");
    checkAndPhotograph("search");
    browser.findElement(By.cssSelector("ol.results a.caption")).click();
    waitFor(".entity-head h1");
    settled();
    String personUrl = browser.getCurrentUrl();
    String page = text();
    assertThat(page).contains("1985-03-12", "politie-nl", "wpg-art-9", "personen.csv:");
    checkAndPhotograph("entity");

    // the network: open from the entity, expand a neighbour, the shortest path between two nodes
    browser.findElement(By.cssSelector(".entity-head a[href^='#/network/']")).click();
    waitForText(".status", "nodes");
    JavascriptExecutor js = (JavascriptExecutor) browser;
    long before = (Long) js.executeScript("return window.spilChart.nodes().length");
    assertThat(before).isGreaterThan(1);
    js.executeScript(
        "const cy = window.spilChart; const n = cy.nodes().not('.centre').not('.more')[0];"
            + " n.select();");
    waitFor(".info .actions button").click();
    waitForText(".status", "neighbours");
    js.executeScript(
        "const cy = window.spilChart; cy.nodes().unselect();"
            + " const far = cy.nodes().not('.more').filter(n => !n.hasClass('centre'));"
            + " cy.nodes('.centre').select(); far[far.length - 1].select();");
    browser.findElement(By.id("path")).click();
    waitForText(".status", "Shortest path:");
    assertThat((Long) js.executeScript("return window.spilChart.elements('.path').length"))
        .isGreaterThanOrEqualTo(3);
    checkAndPhotograph("network");

    // the chart saved for the team, and opened again from the network page
    browser.findElement(By.id("save-chart")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
    browser.switchTo().alert().sendKeys("El Amrani and his associates");
    browser.switchTo().alert().accept();
    waitForText(".status", "Saved as");
    open("network");
    browser.findElement(By.linkText("El Amrani and his associates")).click();
    waitForText(".status", "Chart");
    assertThat((Long) js.executeScript("return window.spilChart.nodes().length")).isGreaterThan(1);

    // the same network drawn from the links of a period: none dated in a year to come
    browser.get(personUrl.replace("#/entity/", "#/network/"));
    waitForText(".status", "nodes around");
    js.executeScript("document.getElementById('since').value = '2099-01-01';");
    browser.findElement(By.id("apply-period")).click();
    waitForText(".status", "links dated 2099-01-01");
    assertThat((Long) js.executeScript("return window.spilChart.nodes().length"))
        .isLessThan(before);

    // timeline and map of the person
    browser.get(personUrl.replace("#/entity/", "#/timeline/"));
    waitFor("#main h1");
    settled();
    checkAndPhotograph("timeline");
    browser.get(personUrl.replace("#/entity/", "#/map/"));
    waitFor("svg.map");
    settled();
    assertThat(text()).contains("Netherlands");
    checkAndPhotograph("map");

    // the review queue: a judgement with the keyboard
    open("review");
    // the two police records of Jan de Vries wait for a judgement
    waitFor(".review .verdicts");
    assertThat(text()).contains("Jan de Vries");
    checkAndPhotograph("review");
    browser.findElement(By.tagName("body")).sendKeys("s");
    waitForText(".status", "Judged");

    // money flows: the alerts of the police's bank data triaged, then the money traced on
    open("flows");
    waitFor("ol.alerts li.alert");
    settled();
    assertThat(text())
        .contains("Structuring", "Cycles", "Pass-through", "just under the EUR 10,000.00");
    checkAndPhotograph("flows");
    browser.findElement(By.cssSelector("li.alert button.primary")).click();
    waitForText(".status", "confirmed");
    browser.findElement(By.cssSelector("li.alert input.reason")).sendKeys("rent paid in advance");
    browser
        .findElement(By.xpath("//li[contains(@class,'alert')]//button[text()='Dismiss']"))
        .click();
    waitForText(".status", "dismissed");
    open("flows?show=all");
    waitFor("ol.alerts li.alert");
    assertThat(text()).contains("confirmed by ann", "dismissed by ann", "rent paid in advance");
    // where the structured cash came from: the deposits, through the smurfs' accounts
    browser.findElement(By.linkText("Where it came from")).click();
    waitFor("svg.sankey rect.node.start");
    settled();
    assertThat(text()).contains("Where the money came from", "cash deposits", "J. Bakker");
    checkAndPhotograph("trace");
    // the property company's assets: its accounts, from the bank data
    open("search?q=Kruiskade%20Vastgoed");
    waitFor("ol.results a.caption").click();
    waitFor(".entity-head h1");
    browser.findElement(By.linkText("Assets")).click();
    waitFor("ol.chain");
    settled();
    assertThat(text()).contains("Assets of", "bank account", "politie-nl-bank");
    checkAndPhotograph("assets");
    // the shipments to inspect first, from customs' declarations the police may see
    open("goods");
    waitForText("#main", "Shipment targeting");
    settled();
    assertThat(text()).contains("shipments shown");
    checkAndPhotograph("goods");
    // the outcome of inspecting the first shipment, recorded from the list and shown on it
    WebElement inspection = waitFor(".inspection form");
    new Select(inspection.findElement(By.tagName("select"))).selectByValue("nothing");
    inspection.findElement(By.tagName("button")).click();
    waitForText(".status", "recorded: nothing");
    open("goods");
    waitForText("#main", "nothing found");
    open("insiders");
    waitForText("#main", "Port insiders");
    settled();
    assertThat(text()).contains("staff you may see");
    checkAndPhotograph("insiders");
    open("routes");
    waitForText("#main", "Routes");
    settled();
    assertThat(text()).containsAnyOf("shipments on", "No shipment you may see");
    checkAndPhotograph("routes");
    // the monitor: signals (the examples are too few to change) and the series drawn
    open("monitor?measure=shipments&by=port");
    waitForText("#main", "Signals");
    settled();
    assertThat(text()).contains("Series").containsAnyOf("in all", "Nothing you may see");
    checkAndPhotograph("monitor");

    // the chats: a word found in its other forms, marked, in its conversation; a handle narrows
    open("messages");
    waitFor("#mq").sendKeys("betalen", Keys.ENTER);
    waitFor("ol.conversations mark");
    settled();
    assertThat(browser.findElement(By.cssSelector("ol.conversations li.hit mark")).getText())
        .isEqualTo("betaling");
    assertThat(text()).contains("1–1 of 1 message", "NL58INGB0004512377", "uithaler wil 40k");
    checkAndPhotograph("messages");
    // a handle narrows to its messages: without the words, all seven of havenmeester's
    browser.findElement(By.linkText("havenmeester")).click();
    waitForText(".chosen-filter", "havenmeester");
    open("messages?handle=havenmeester&sort=time");
    waitForText(".summary", "of 7 messages");

    // a handle's page: whom it writes with and when, and who may be behind it
    open("handle/zwartekat");
    waitForText("#main", "When it writes");
    settled();
    assertThat(browser.findElements(By.cssSelector("table.contacts a")))
        .extracting(WebElement::getText)
        .contains("havenmeester", "koerierjoe", "lebelge");
    assertThat(browser.findElements(By.cssSelector("table.clock td"))).hasSize(7 * 24);
    // its conversations, one per correspondent, each a link to read it whole
    assertThat(browser.findElements(By.cssSelector("table.conversations tbody tr"))).hasSize(3);
    assertThat(browser.findElements(By.cssSelector("table.conversations a[href*='conversation=']")))
        .hasSize(3);
    checkAndPhotograph("handle");

    // the triage of threats to life: the threat in the chats first, with its signals; confirmed,
    // it leaves the open queue
    open("triage");
    waitFor("ol.triage li.triaged");
    settled();
    assertThat(browser.findElement(By.cssSelector("ol.triage li.triaged .msg.hit .body")).getText())
        .isEqualTo("neem het ijzer mee, hij moet weg voor het weekend");
    assertThat(text()).contains("threat: 'moet weg'", "praat met de politie");
    checkAndPhotograph("triage");
    browser.findElement(By.xpath("//button[text()='Threat: act']")).click();
    waitForText("#main", "Nothing left to decide");

    // the cooperation register: the examples hold no request for legal assistance
    open("cooperation");
    waitForText("#main", "No request for legal assistance you may see");
    checkAndPhotograph("cooperation");
    // entered by hand: a bad country is refused by name, then the request is a police batch
    browser.findElement(By.id("mla-reference")).sendKeys("RHV-WEB-0001");
    browser.findElement(By.id("mla-country")).sendKeys("Atlantis");
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('mla-sent').value = '2026-10-01'");
    browser.findElement(By.id("mla-subjects")).sendKeys("Wilhelmina Entersma; 1980-01-02");
    browser.findElement(By.id("mla-legal_basis")).sendKeys("wpg-art-9");
    browser.findElement(By.cssSelector("details.entry button[type=submit]")).click();
    waitForText("details.entry", "unknown country 'Atlantis'");
    browser.findElement(By.id("mla-country")).clear();
    browser.findElement(By.id("mla-country")).sendKeys("tg");
    browser.findElement(By.cssSelector("details.entry button[type=submit]")).click();
    waitForText("#main", "Entered as batch");
    assertThat(text()).contains("RHV-WEB-0001", "Wilhelmina Entersma", "2026-10-01");

    // a watch on a name no record holds yet
    open("alerts");
    waitForText("#main", "Nothing watched");
    browser.findElement(By.id("watch-name")).sendKeys("Wilhelmina Uploadsma");
    browser.findElement(By.id("watch-note")).sendKeys("expected in the next delivery");
    browser.findElement(By.cssSelector("form.watch-form button[type=submit]")).click();
    waitForText("ul.watches", "Wilhelmina Uploadsma");
    assertThat(text()).contains("No alerts");

    // an upload of the police's own: checked, ingested in a job shown as a progress bar
    Path zip = tmp.resolve("upload.zip");
    Files.write(zip, ApiServerTest.datasetZip("politie-nl", "", "Wilhelmina Uploadsma"));
    open("upload");
    browser.findElement(By.id("upload-file")).sendKeys(zip.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("form.grid-form button[type=submit]")).click();
    waitForText("#main", "upload done");
    checkAndPhotograph("upload");
    open("search?q=Wilhelmina%20Uploadsma");
    assertThat(text()).contains("Wilhelmina Uploadsma");
    // the upload raised the watch's alert: counted in the header, opened, dismissed with a reason
    open("alerts");
    waitForText("ol.alerts", "matches the watched subject 'Wilhelmina Uploadsma'");
    waitForText("#alert-count", "1");
    checkAndPhotograph("alerts");
    browser.findElement(By.cssSelector("ol.alerts a[href^='#/entity/']")).click();
    waitForText(".entity-head h1", "Wilhelmina Uploadsma");
    open("alerts");
    waitFor("ol.alerts input.reason").sendKeys("known, uploaded by us");
    browser.findElement(By.xpath("//button[text()='Dismiss']")).click();
    waitForText("ol.alerts", "dismissed");
    assertThat(browser.findElement(By.id("alert-count")).isDisplayed()).isFalse();

    // customs sees another version of the same person: not the police's record
    login("dirk", "adw");
    browser.get(personUrl);
    waitFor("#main h1");
    settled();
    assertThat(text()).contains("No such entity").doesNotContain("1985-03-12");
    open("search?q=Mohamed%20El%20Amrani");
    assertThat(text()).doesNotContain("1985-03-12");
    assertThat(browser.findElements(By.cssSelector("ol.results a.caption")))
        .extracting(WebElement::getText)
        .noneMatch(caption -> caption.contains("Mohamed"));
    // nor the police's chats
    open("messages?q=betalen");
    waitForText(".summary", "No message matches");
    assertThat(text()).doesNotContain("NL58INGB0004512377");
    open("search?q=Kees");
    assertThat(text()).doesNotContain("nicknameMentioned");

    // hit/no-hit, then a request for access
    open("hits");
    browser.findElement(By.id("hit-name")).sendKeys("Muhammad ELAMRANI");
    js.executeScript("document.getElementById('hit-dob').value = '1985-03-12'");
    browser.findElement(By.cssSelector("form.grid-form button[type=submit]")).click();
    waitFor("input[placeholder='reason for the request']").sendKeys("consignee of a container");
    assertThat(text()).contains("politie-nl").doesNotContain("1985-03-12");
    checkAndPhotograph("hits");
    browser.findElement(By.xpath("//button[text()='Request access']")).click();
    waitForText("#main", "sent to politie-nl");

    // the police grant it; their chats name "Ome Kees", and a search says where it matched
    login("ann", "wpg-art-9");
    open("search?q=Kees");
    waitFor("ol.results a.caption");
    assertThat(text()).contains("ChatMention", "nicknameMentioned: Kees");
    open("requests");
    assertThat(text()).contains("consignee of a container", "pending");
    checkAndPhotograph("requests");
    browser.findElement(By.xpath("//button[text()='Grant']")).click();
    waitForText("#main", "granted until");

    // and customs now sees the person
    login("dirk", "adw");
    browser.get(personUrl);
    waitFor(".entity-head h1");
    settled();
    assertThat(text()).contains("1985-03-12", "politie-nl");

    // the privacy officer reads the audit trail of it
    login("fg", null);
    assertThat(browser.getCurrentUrl()).endsWith("#/audit");
    assertThat(text()).contains("grant", "ann");
    browser.findElement(By.xpath("//button[text()='Verify the chain']")).click();
    waitForText("#main", "Intact");
    checkAndPhotograph("audit");
  }
}
