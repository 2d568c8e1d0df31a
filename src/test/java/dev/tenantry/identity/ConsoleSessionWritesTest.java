package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Console pages do not rewrite the Spring Session JDBC row on every request (docs/performance.md):
 * the last-access time is stored at most once per touch interval (1 min by default), so a request
 * that changes nothing writes nothing; an older stored access time is still brought forward.
 */
class ConsoleSessionWritesTest extends IdentityTestSupport {

  @Test
  void aConsolePageThatChangesNothingLeavesTheSessionRowUntouched() {
    Browser browser = consoleSession(user("quiet-session"), "Quiet User");
    String sessionId = sessionId(browser);
    assertThat(browser.get("http://localhost:" + port + "/").statusCode()).isEqualTo(200);
    Row before = row(sessionId);
    for (int i = 0; i < 3; i++) {
      assertThat(browser.get("http://localhost:" + port + "/").statusCode()).isEqualTo(200);
    }
    assertThat(row(sessionId))
        .as("same row versions (xmin), attributes and stored access time after three more pages")
        .isEqualTo(before);
  }

  @Test
  void anAccessTimeOlderThanTheTouchIntervalIsStoredAgain() {
    Browser browser = consoleSession(user("touched-session"), "Quiet User");
    String sessionId = sessionId(browser);
    long twoMinutesAgo = System.currentTimeMillis() - 120_000L;
    jdbc.sql("update spring_session set last_access_time = ?, expiry_time = ? where session_id = ?")
        .params(twoMinutesAgo, twoMinutesAgo + 30 * 60_000L, sessionId)
        .update();
    long start = System.currentTimeMillis();
    assertThat(browser.get("http://localhost:" + port + "/").statusCode()).isEqualTo(200);
    Row after = row(sessionId);
    assertThat(after.lastAccess()).isGreaterThanOrEqualTo(start);
    assertThat(after.expiry()).isEqualTo(after.lastAccess() + 30 * 60_000L);
  }

  /** The session row's version and times, and every attribute row's name and version. */
  record Row(String xmin, long lastAccess, long expiry, String attributes) {}

  private Row row(String sessionId) {
    return jdbc.sql(
            """
            select s.xmin::text, s.last_access_time, s.expiry_time,
                   (select string_agg(a.attribute_name || '@' || a.xmin::text, ','
                                      order by a.attribute_name)
                      from spring_session_attributes a
                     where a.session_primary_id = s.primary_id)
              from spring_session s where s.session_id = ?""")
        .param(sessionId)
        .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
        .single();
  }
}
