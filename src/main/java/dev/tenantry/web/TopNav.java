package dev.tenantry.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.util.HtmlUtils;

/**
 * The brand link and the main menu of every console page, as HTML, built once per distinct set of
 * inputs on this node (there are few: the instance name, which entries the caller may use, the
 * badge count). Rendering them with Thymeleaf took about a third of a console page's template time
 * (some thirty expressions); they hold nothing secret or per-session (no form, no CSRF token), so
 * one rendering serves every caller with the same inputs. {@link ConsoleChrome} inserts it
 * unescaped; every variable part is escaped here.
 */
record TopNav(
    String contextPath,
    String instanceName,
    boolean withUser,
    ConsoleNav nav,
    boolean changeRequestsShown,
    long changeRequestsWaiting) {
  private static final int MAX_REMEMBERED = 10_000;
  private static final Map<TopNav, String> RENDERED = new ConcurrentHashMap<>();

  String html() {
    String known = RENDERED.get(this);
    if (known != null) {
      return known;
    }
    String html = render();
    if (RENDERED.size() >= MAX_REMEMBERED) {
      RENDERED.clear();
    }
    RENDERED.put(this, html);
    return html;
  }

  private String render() {
    StringBuilder s = new StringBuilder(1024);
    s.append("<a class=\"brand\" href=\"")
        .append(href("/"))
        .append("\">")
        .append(HtmlUtils.htmlEscape(instanceName))
        .append("</a>\n  ");
    if (!withUser) {
      return s.toString();
    }
    s.append("<nav aria-label=\"Main\">\n");
    link(s, nav.tenants(), "/tenants", "Tenants");
    link(s, nav.computers(), "/computers", "Computers");
    link(s, nav.people(), "/people", "People");
    link(s, nav.usersAndRoles(), "/users-roles/users", "Users &amp; Roles");
    link(s, nav.audit(), "/audit", "Audit");
    link(s, nav.library(), "/library", "Library");
    link(s, nav.deployments(), "/deployments", "Deployments");
    if (changeRequestsShown) {
      s.append("    <a href=\"")
          .append(href("/change-requests"))
          .append("\" id=\"change-requests-nav\">Change requests");
      if (changeRequestsWaiting > 0) {
        s.append("<span class=\"badge\" id=\"change-request-badge\" title=\"")
            .append(changeRequestsWaiting)
            .append(" change request(s) wait for your approval\">")
            .append(changeRequestsWaiting)
            .append("</span>");
      }
      s.append("</a>\n");
    }
    link(s, nav.schedules(), "/schedules", "Schedules");
    link(s, nav.maintenance(), "/maintenance-sessions", "Maintenance");
    link(s, true, "/profile", "Profile");
    return s.append("  </nav>").toString();
  }

  private void link(StringBuilder s, boolean shown, String path, String label) {
    if (shown) {
      s.append("    <a href=\"").append(href(path)).append("\">").append(label).append("</a>\n");
    }
  }

  private String href(String path) {
    return HtmlUtils.htmlEscape(contextPath + path);
  }
}
