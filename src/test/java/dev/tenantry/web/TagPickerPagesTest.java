package dev.tenantry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.support.Http;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The multi-value tag picker (schedule editor, GDAP import): tags are searched, added as chips and
 * removed, and the form posts the chosen ones — the catalogue is never listed whole.
 */
class TagPickerPagesTest extends ConsoleTest {

  @Test
  void theScheduleEditorsTagPickerAddsRemovesAndShowsTheChosenTags() {
    String gold = "Gold " + shortId();
    String silver = "Silver " + shortId();
    UUID goldId = data.tag(gold);
    UUID silverId = data.tag(silver);
    UUID tenant = data.clientTenant("Tagged " + shortId());
    Http api = signedIn();
    Http.Response created =
        api.post(
            "/api/v1/schedules",
            Map.of("tenantId", tenant, "name", "Tagged " + shortId(), "cron", "0 3 * * *"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    String id = created.json().path("id").asString();

    signIn(data.mspAdmin("Tia", "Tagger"));
    open("/schedules/" + id);
    assertThat(browser.findElements(By.cssSelector("#tag-ids-picker option"))).isEmpty();
    browser.findElement(By.cssSelector("input[name='targetKind'][value='TAGS']")).click();
    pickMore("tag-ids", gold);
    pickMore("tag-ids", silver);
    pickMore("tag-ids", gold); // chosen already: not twice
    assertThat(browser.findElements(By.cssSelector("#tag-ids-chosen .picker-chip"))).hasSize(2);
    browser.findElement(By.cssSelector("button[aria-label='Remove " + gold + "']")).click();
    clickAndWait(browser.findElement(By.id("save-schedule")));
    assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Schedule saved");

    var saved = api.get("/api/v1/schedules/" + id).json();
    assertThat(saved.path("targetKind").asString()).isEqualTo("TAGS");
    assertThat(saved.path("tagIds").size()).isEqualTo(1);
    assertThat(saved.path("tagIds").get(0).asString()).isEqualTo(silverId.toString());
    assertThat(browser.findElement(By.id("tag-ids-chosen")).getText())
        .contains(silver)
        .doesNotContain(gold);
    assertThat(saved.path("tagIds").toString()).doesNotContain(goldId.toString());
  }
}
