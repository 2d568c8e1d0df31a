package dev.tenantry.web;

import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestOidc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the console's end-to-end tests: the real application, a headless Chromium, and sign-in
 * through the test JVM's real OIDC provider (its next login issues the identity we enqueue).
 */
abstract class ConsoleTest extends IntegrationTest {
  /**
   * Where the page screenshots go: {@code target/screenshots} on every run, and the committed
   * {@code docs/screenshots} when run with {@code -Dscreenshots.update=true} (so that a plain test
   * run leaves the work tree clean).
   */
  static final Path SCREENSHOTS =
      Boolean.getBoolean("screenshots.update")
          ? Path.of("docs/screenshots")
          : Path.of("target/screenshots");

  @Autowired ConsoleData data;
  ChromeDriver browser;

  /**
   * How long a wait may last before the test gives up: a deadline that only ends a hopeless wait (a
   * page on a loaded 2-core CI machine can take seconds), never a speed claim.
   */
  static final Duration WAIT = Duration.ofSeconds(30);

  @BeforeEach
  void startBrowser() {
    browser = Chromium.start();
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Signs in through the provider as (home tid, oid) and waits for the home page. */
  void signIn(ConsoleData.User user) {
    TestOidc.server()
        .enqueueCallback(
            new DefaultOAuth2TokenCallback(
                TestOidc.HOME_ISSUER_ID,
                "sub-" + user.oid(),
                "JWT",
                List.of(TestOidc.CLIENT_ID),
                Map.of(
                    "tid",
                    HOME_TID.toString(),
                    "oid",
                    user.oid().toString(),
                    "ver",
                    "2.0",
                    "preferred_username",
                    user.username(),
                    "name",
                    user.name()),
                3600));
    browser.get(url("/"));
    waitFor(By.cssSelector("main h1"));
  }

  void open(String path) {
    browser.get(url(path));
    waitFor(By.cssSelector("main h1"));
  }

  WebElement waitFor(By by) {
    return new WebDriverWait(browser, WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void waitForText(By by, String text) {
    new WebDriverWait(browser, WAIT)
        .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  /** Submits by clicking and waits for the next page (the old one going stale). */
  void clickAndWait(WebElement button) {
    WebElement html = browser.findElement(By.tagName("html"));
    button.click();
    new WebDriverWait(browser, WAIT).until(gone(html));
    waitFor(By.cssSelector("main h1"));
  }

  /**
   * The element's page is gone. Like {@code ExpectedConditions.stalenessOf}, but Chromium may also
   * answer a check that races the navigation with "Node with given id does not belong to the
   * document" — the old page is gone then too.
   */
  static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> gone(WebElement element) {
    return driver -> {
      try {
        element.isEnabled();
        return false;
      } catch (org.openqa.selenium.StaleElementReferenceException
          | org.openqa.selenium.NoSuchElementException e) {
        return true;
      } catch (org.openqa.selenium.WebDriverException e) {
        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
          return true;
        }
        throw e;
      }
    };
  }

  /** Like {@link #clickAndWait} for a button whose form asks "are you sure?" first. */
  void confirmAndWait(WebElement button) {
    WebElement html = browser.findElement(By.tagName("html"));
    button.click();
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.alertIsPresent()).accept();
    new WebDriverWait(browser, WAIT).until(gone(html));
    waitFor(By.cssSelector("main h1"));
  }

  void select(By by, String visibleText) {
    new Select(browser.findElement(by)).selectByVisibleText(visibleText);
  }

  /**
   * Chooses in a search-as-you-type picker ({@code templates/shared/picker.html}): types the text,
   * clicks the option of exactly that name, and waits until the choice is in the hidden input.
   */
  void pick(String id, String text) {
    WebElement box = browser.findElement(By.id(id + "-q"));
    box.clear();
    box.sendKeys(text);
    By option =
        By.xpath("//ul[@id='" + id + "-options']//button[normalize-space()='" + text + "']");
    new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until( // the list may be replaced by a later answer between finding and clicking
            d -> {
              WebElement found = ExpectedConditions.elementToBeClickable(option).apply(d);
              if (found == null) {
                return false;
              }
              found.click();
              return true;
            });
    new WebDriverWait(browser, WAIT)
        .until(d -> !d.findElement(By.id(id)).getDomProperty("value").isEmpty());
  }

  /**
   * Adds a choice in a multi-value picker ({@code multipicker} in {@code
   * templates/shared/picker.html}): types the text, clicks the option of exactly that name, and
   * waits until its chip is shown.
   */
  void pickMore(String id, String text) {
    WebElement box = browser.findElement(By.id(id + "-q"));
    box.clear();
    box.sendKeys(text);
    By option =
        By.xpath("//ul[@id='" + id + "-options']//button[normalize-space()='" + text + "']");
    new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement found = ExpectedConditions.elementToBeClickable(option).apply(d);
              if (found == null) {
                return false;
              }
              found.click();
              return true;
            });
    new WebDriverWait(browser, WAIT)
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath(
                    "//*[@id='"
                        + id
                        + "-chosen']//span[@class='picker-chip-label' and normalize-space()='"
                        + text
                        + "']")));
  }

  /** The options a picker offers for the typed text (after the list has answered). */
  java.util.List<String> options(String id, String text) {
    WebElement box = browser.findElement(By.id(id + "-q"));
    box.clear();
    box.sendKeys(text);
    By items = By.cssSelector("#" + id + "-options li");
    String typed = text.strip().toLowerCase(java.util.Locale.ROOT);
    return new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> { // the answer to this text, not to an earlier keystroke or to the focus
              var t = d.findElements(items).stream().map(WebElement::getText).toList();
              return !t.isEmpty()
                      && t.stream()
                          .allMatch(
                              x ->
                                  x.toLowerCase(java.util.Locale.ROOT).contains(typed)
                                      || x.startsWith("No match"))
                  ? t
                  : null;
            });
  }

  /**
   * The element's text, found again if htmx replaced it between finding and reading (a panel that
   * polls every second, such as a session's log or a run's output, is swapped whole).
   */
  String text(By by) {
    return new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElement(by).getText());
  }

  String mainText() {
    return browser.findElement(By.tagName("main")).getText();
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String shortId() {
    return UUID.randomUUID().toString().substring(0, 6);
  }
}
