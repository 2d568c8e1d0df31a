package dev.tenantry.shared.web;

import dev.tenantry.shared.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The paging of a console list page ({@code templates/shared/pager.html}): which rows are shown, of
 * how many (exact up to the lists' threshold, "about N" beyond, as the API says), and the links to
 * the previous and next pages. Links are the page's own URL with its filters kept, so a page is
 * bookmarkable. "Next" follows the API's keyset cursor ({@code after}) when the list has one, the
 * page number otherwise; "Previous" is a keyset query as well for the last {@link #TRAIL} pages
 * (the URL carries where they started, {@code back}), the page number beyond (an offset query, as
 * the API allows).
 */
public record ListPager(
    long from,
    long to,
    long total,
    boolean estimated,
    int page,
    @Nullable String first,
    @Nullable String previous,
    @Nullable String next) {

  /** Rows per console page unless the URL asks for another size ({@code size}, at most MAX). */
  public static final int SIZE = 50;

  public static final int MAX = 200;

  private static final Set<String> PAGING = Set.of("page", "after", "back");

  /** How many earlier pages' cursors a URL carries (for a keyset "Previous"). */
  static final int TRAIL = 10;

  /**
   * What a list page's URL asks for: the name search {@code q}, the page number (0 for the first)
   * and size (clamped like the API's, at most {@link #MAX}), and the keyset cursor {@code after}.
   */
  public record Asked(@Nullable String q, int page, int size, @Nullable String after) {}

  /** Reads {@code q}, {@code page}, {@code size} and {@code after}; a non-number is a 400. */
  public static Asked asked(HttpServletRequest request) {
    return asked(request, SIZE);
  }

  /**
   * Like {@link #asked(HttpServletRequest)} with another default size (a section of a page that
   * shows fewer rows than a list page).
   */
  public static Asked asked(HttpServletRequest request, int defaultSize) {
    String q = request.getParameter("q");
    String after = request.getParameter("after");
    return new Asked(
        q == null || q.isBlank() ? null : q,
        Page.page(number(request, "page", 0)),
        size(number(request, "size", defaultSize)),
        after == null || after.isBlank() ? null : after);
  }

  private static int number(HttpServletRequest request, String name, int absent) {
    String value = request.getParameter(name);
    try {
      return value == null || value.isBlank() ? absent : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw ApiException.invalid("The value of '" + name + "' is not a number");
    }
  }

  private static int size(int requested) {
    return Math.max(1, Math.min(MAX, requested));
  }

  /**
   * One page of a short list already filtered by what the caller may see (roles, groups: the API
   * pages them in memory too, {@link Page#slice}), keeping the rows whose name contains {@code q},
   * case-insensitively.
   */
  public static <T> Page<T> slice(List<T> visible, Function<T, String> name, Asked asked) {
    String needle = asked.q() == null ? "" : asked.q().strip().toLowerCase(Locale.ROOT);
    List<T> matching =
        needle.isEmpty()
            ? visible
            : visible.stream()
                .filter(t -> name.apply(t).toLowerCase(Locale.ROOT).contains(needle))
                .toList();
    return Page.slice(matching, asked.page(), asked.size());
  }

  /** The pager of {@code shown}, the page the request asked for. */
  public static ListPager of(HttpServletRequest request, Page<?> shown) {
    long from = (long) shown.page() * shown.size();
    long to = from + shown.items().size();
    String base = request.getRequestURI() + "?" + filters(request.getParameterMap());
    String at = base + "page=";
    List<String> back = back(request.getParameter("back"));
    String next = null;
    if (shown.next() != null) { // keyset: remember where this page started, for "Previous"
      List<String> trail = new ArrayList<>(back);
      String after = request.getParameter("after");
      trail.add(after == null ? "" : after);
      next = at + (shown.page() + 1) + "&after=" + encode(shown.next()) + trail(trail);
    } else if (shown.items().size() == shown.size()
        && (shown.totalEstimated() || to < shown.total())) {
      next = at + (shown.page() + 1);
    }
    String previous = null;
    if (shown.page() > 0) {
      String start = back.isEmpty() ? "" : back.getLast();
      previous =
          start.isEmpty() // the first page, a page reached by number, or beyond the trail
              ? at + (shown.page() - 1)
              : at
                  + (shown.page() - 1)
                  + "&after="
                  + encode(start)
                  + trail(back.subList(0, back.size() - 1));
    }
    boolean none = shown.items().isEmpty(); // also a page past the end
    return new ListPager(
        none ? 0 : from + 1,
        none ? 0 : to,
        Math.max(shown.total(), to),
        shown.totalEstimated(),
        shown.page(),
        shown.page() > 0 ? at + 0 : null,
        previous,
        next);
  }

  /**
   * The cursors where the previous pages started ({@code back}, oldest first, "" for a page without
   * one), so that "Previous" is a keyset query too; only the last {@link #TRAIL} are kept, beyond
   * them "Previous" is the page number.
   */
  private static List<String> back(@Nullable String param) {
    if (param == null || param.isEmpty()) {
      return List.of();
    }
    List<String> cursors = List.of(param.split("\\.", -1));
    return cursors.subList(Math.max(0, cursors.size() - TRAIL), cursors.size());
  }

  private static String trail(List<String> cursors) {
    List<String> kept = cursors.subList(Math.max(0, cursors.size() - TRAIL), cursors.size());
    return kept.stream().allMatch(String::isEmpty) ? "" : "&back=" + encode(String.join(".", kept));
  }

  /** "1–50 of 1,234", "51–100 of about 120,000", or "none" for an empty list. */
  public String summary() {
    if (to == 0) {
      return "none";
    }
    String of = String.format(Locale.ROOT, "%,d", total);
    return String.format(Locale.ROOT, "%,d–%,d of ", from, to) + (estimated ? "about " : "") + of;
  }

  /** The request's filters as {@code name=value&}, without paging and empty values. */
  private static String filters(Map<String, String[]> parameters) {
    StringBuilder query = new StringBuilder();
    parameters.forEach(
        (name, values) -> {
          if (!PAGING.contains(name)) {
            for (String value : List.of(values)) {
              if (!value.isEmpty()) {
                query.append(encode(name)).append('=').append(encode(value)).append('&');
              }
            }
          }
        });
    return query.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
