package dev.tenantry.web;

import dev.tenantry.identity.ConsoleIdentity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/**
 * The console frame around every page's content, as HTML: the links and scripts of the head with
 * the CSRF meta tags, the body's htmx CSRF header, the impersonation banner and the header (brand
 * and menu from {@link TopNav}, who is signed in, the access-request badge, the sign-out form).
 * Rendered by Thymeleaf this was about half of a console page's template work (JFR, issue 10); it
 * depends only on the context path, the menu and the {@link ConsoleIdentity.Header}, so it is built
 * once per distinct inputs on this node, split where the CSRF token goes. The token itself (masked
 * anew per request by Spring Security) is put in per request, only when a page renders the frame.
 * Every variable part is escaped here; {@code layout.html} inserts the parts unescaped (every
 * console page, error pages included, has it in its model: {@link ConsoleModel}).
 */
final class ConsoleChrome {
  private static final int MAX_REMEMBERED = 10_000;
  private static final Map<Frame, Parts> RENDERED = new ConcurrentHashMap<>();
  private static final DateTimeFormatter UNTIL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  /** Stands for the CSRF token while the frame is built (never in the output). */
  private static final String TOKEN = "\u0000csrf\u0000";

  private final HttpServletRequest request;
  private final Parts parts;
  private @Nullable CsrfToken token;
  private boolean tokenRead;

  /**
   * The inputs of one rendering: the assets' URLs as the response encodes them (versioned, {@link
   * StaticAssets}), the menu and who is signed in.
   */
  private record Frame(
      String contextPath,
      String css,
      String htmx,
      String js,
      String topNav,
      ConsoleIdentity.@Nullable Header header) {}

  /** The frame's HTML, split around the CSRF token's places. */
  private record Parts(String head, String[] top) {}

  ConsoleChrome(
      HttpServletRequest request,
      HttpServletResponse response,
      String topNav,
      ConsoleIdentity.@Nullable Header header) {
    this.request = request;
    String context = request.getContextPath();
    Frame frame =
        new Frame(
            context,
            response.encodeURL(context + "/css/console.css"),
            response.encodeURL(context + "/webjars/htmx.org/dist/htmx.min.js"),
            response.encodeURL(context + "/js/console.js"),
            topNav,
            header);
    Parts known = RENDERED.get(frame);
    if (known == null) {
      known = render(frame);
      if (RENDERED.size() >= MAX_REMEMBERED) {
        RENDERED.clear();
      }
      RENDERED.put(frame, known);
    }
    this.parts = known;
  }

  /** The head's CSRF meta tags, stylesheet and scripts. */
  public String getHead() {
    CsrfToken t = token();
    return t == null ? parts.head() : csrfMeta(t) + parts.head();
  }

  /** The body's {@code hx-headers} value (the CSRF header for htmx requests), or null. */
  public @Nullable String getHxHeaders() {
    CsrfToken t = token();
    return t == null
        ? null
        : "{\"" + t.getHeaderName() + "\": \"" + t.getToken() + "\"}"; // the attribute escapes
  }

  /** The impersonation banner and the page header, with the forms' CSRF fields. */
  public String getTop() {
    String[] p = parts.top();
    if (p.length == 1) {
      return p[0];
    }
    CsrfToken t = token();
    String field =
        t == null
            ? ""
            : "<input type=\"hidden\" name=\""
                + HtmlUtils.htmlEscape(t.getParameterName())
                + "\" value=\""
                + HtmlUtils.htmlEscape(t.getToken())
                + "\"/>";
    StringBuilder s = new StringBuilder(p[0].length() * 2);
    for (int i = 0; i < p.length; i++) {
      if (i > 0) {
        s.append(field);
      }
      s.append(p[i]);
    }
    return s.toString();
  }

  private @Nullable CsrfToken token() {
    if (!tokenRead) {
      token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
      tokenRead = true;
    }
    return token;
  }

  private static String csrfMeta(CsrfToken t) {
    return "<meta name=\"_csrf\" content=\""
        + HtmlUtils.htmlEscape(t.getToken())
        + "\">\n  <meta name=\"_csrf_header\" content=\""
        + HtmlUtils.htmlEscape(t.getHeaderName())
        + "\">\n  ";
  }

  private static Parts render(Frame f) {
    String head =
        "<meta name=\"htmx-config\""
            + " content='{\"allowEval\":false,\"allowScriptTags\":false,"
            + "\"includeIndicatorStyles\":false}'>\n"
            + "  <link rel=\"stylesheet\" href=\""
            + esc(f.css())
            + "\">\n  <script src=\""
            + esc(f.htmx())
            + "\" defer></script>\n  <script src=\""
            + esc(f.js())
            + "\" defer></script>\n";
    StringBuilder s = new StringBuilder(2048);
    ConsoleIdentity.Header h = f.header();
    if (h != null && h.impersonating() != null) {
      ConsoleIdentity.Impersonating imp = h.impersonating();
      s.append("<div class=\"impersonation\" role=\"alert\" id=\"impersonation-banner\">\n")
          .append("  <span>\n    <strong>")
          .append(esc(imp.realName()))
          .append("</strong> is impersonating\n    <strong>")
          .append(esc(imp.targetName()))
          .append("</strong>\n    until <time>")
          .append(esc(UNTIL.format(imp.expiresAt()) + " UTC"))
          .append("</time>.\n    Everything you do is recorded with both names.\n  </span>\n")
          .append("  <form method=\"post\" action=\"")
          .append(href(f, "/impersonation/stop"))
          .append("\">")
          .append(TOKEN)
          .append("\n    <button type=\"submit\" class=\"button warn\" id=\"stop-impersonating\">")
          .append("Stop impersonating</button>\n  </form>\n</div>\n");
    }
    s.append("<header class=\"top\">\n  ").append(f.topNav()).append("\n  ");
    if (h != null) {
      s.append("<div class=\"who\">\n    ");
      Long pending = h.pendingRequests();
      if (pending != null && pending > 0) {
        s.append("<a class=\"badge\" id=\"access-request-badge\" href=\"")
            .append(href(f, "/users-roles/access-requests"))
            .append("\" title=\"")
            .append(pending)
            .append(" access request(s) waiting\">")
            .append(pending)
            .append("</a>\n    ");
      }
      s.append("<span class=\"user\" id=\"signed-in-user\">")
          .append(esc(h.name()))
          .append("</span>\n    <form method=\"post\" action=\"")
          .append(href(f, "/logout"))
          .append("\">")
          .append(TOKEN)
          .append("\n      <button type=\"submit\" class=\"button link\">Sign out</button>\n")
          .append("    </form>\n  </div>\n");
    }
    s.append("</header>\n");
    return new Parts(head, s.toString().split(TOKEN, -1));
  }

  private static String href(Frame f, String path) {
    return esc(f.contextPath() + path);
  }

  private static String esc(String s) {
    return HtmlUtils.htmlEscape(s);
  }
}
