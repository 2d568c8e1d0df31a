package dev.tenantry.web;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A fresh headless Chromium (own profile, 1280x800). Missing Chromium fails the test, never skips
 * it.
 */
final class Chromium {
  static final Path BINARY = Path.of(System.getProperty("tenantry.chromium", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getProperty("tenantry.chromedriver", "/usr/bin/chromedriver"));

  private Chromium() {}

  static ChromeDriver start() {
    if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
      fail(
          "The browser tests need Chromium at "
              + BINARY
              + " and chromedriver at "
              + DRIVER
              + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)");
    }
    try {
      Path profile = Files.createTempDirectory("tenantry-chromium-");
      ChromeOptions options =
          new ChromeOptions()
              .setBinary(BINARY.toFile())
              .addArguments(
                  "--headless=new",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-dev-shm-usage",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--no-first-run",
                  "--user-data-dir=" + profile,
                  "--window-size=1280,800");
      var service =
          new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().window().setSize(new Dimension(1280, 800));
      return driver;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
