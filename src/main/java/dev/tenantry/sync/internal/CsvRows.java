package dev.tenantry.sync.internal;

import dev.tenantry.shared.web.ApiException;
import dev.tenantry.sync.ImportRow;
import dev.tenantry.tenancy.TagView;
import dev.tenantry.tenancy.Tenants;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks the rows of a tenant CSV ({@code name,tid,parent,tags}): each row with its errors — bad
 * GUID, name taken or repeated, tid linked or repeated, unknown or invisible parent, unknown tag,
 * no right to create there. A parent the caller cannot see reads "unknown", like a missing one.
 */
@Component
class CsvRows {
  static final int MAX_ROWS = 5_000;
  private final ImportLookups lookups;
  private final Tenants tenants;
  private final SyncAccess access;

  CsvRows(ImportLookups lookups, Tenants tenants, SyncAccess access) {
    this.lookups = lookups;
    this.tenants = tenants;
    this.access = access;
  }

  Set<UUID> linked(Collection<UUID> tids) {
    return lookups.linked(tids);
  }

  List<ImportRow> check(String csv) {
    if (csv.length() > 1_048_576) {
      throw ApiException.invalid("The CSV is larger than 1 MiB");
    }
    List<List<String>> lines = Csv.parse(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
    if (lines.isEmpty()) {
      return List.of();
    }
    Map<String, Integer> col = header(lines.get(0));
    List<List<String>> body = lines.subList(1, lines.size());
    if (body.size() > MAX_ROWS) {
      throw ApiException.invalid("At most " + MAX_ROWS + " rows");
    }
    List<String> names = new ArrayList<>();
    List<String> parents = new ArrayList<>();
    List<UUID> tids = new ArrayList<>();
    for (List<String> l : body) {
      names.add(cell(l, col.get("name")));
      parents.add(cell(l, col.get("parent")));
      UUID tid = guid(cell(l, col.get("tid")));
      if (tid != null) {
        tids.add(tid);
      }
    }
    Set<String> taken = lookups.takenNames(names);
    Set<UUID> linked = lookups.linked(tids);
    Map<String, List<UUID>> parentIds = lookups.idsByName(parents);
    Map<String, UUID> tagsByName = new HashMap<>();
    for (TagView t : tenants.tagList()) {
      tagsByName.put(t.name().toLowerCase(Locale.ROOT), t.id());
    }
    Set<String> seenNames = new HashSet<>();
    Set<UUID> seenTids = new HashSet<>();
    List<ImportRow> rows = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      List<String> l = body.get(i);
      if (l.stream().allMatch(String::isBlank)) {
        continue;
      }
      List<String> errors = new ArrayList<>();
      String name = cell(l, col.get("name"));
      String key = name.toLowerCase(Locale.ROOT);
      if (name.isEmpty() || name.length() > 200) {
        errors.add("name must have 1 to 200 characters");
      } else if (taken.contains(key)) {
        errors.add("a tenant named '" + name + "' already exists");
      } else if (!seenNames.add(key)) {
        errors.add("name repeated in the file");
      }
      String tidText = cell(l, col.get("tid"));
      UUID tid = guid(tidText);
      boolean isLinked = tid != null && linked.contains(tid);
      if (tid == null) {
        errors.add("tid '" + tidText + "' is not a GUID");
      } else if (isLinked) {
        errors.add("Entra tenant " + tid + " is already linked to a tenant");
      } else if (!seenTids.add(tid)) {
        errors.add("tid repeated in the file");
      }
      UUID parent = parent(cell(l, col.get("parent")), parentIds, errors);
      List<UUID> tagIds = new ArrayList<>();
      for (String t : cell(l, col.get("tags")).split("[;|]")) {
        if (t.isBlank()) {
          continue;
        }
        UUID tag = tagsByName.get(t.strip().toLowerCase(Locale.ROOT));
        if (tag == null) {
          errors.add("unknown tag '" + t.strip() + "'");
        } else if (!tagIds.contains(tag)) {
          tagIds.add(tag);
        }
      }
      if (errors.isEmpty() && !access.mayImport(parent, !tagIds.isEmpty())) {
        errors.add(
            "you may not create linked tenants"
                + (parent == null ? " at the root" : " under this parent")
                + (tagIds.isEmpty() ? "" : " with tags"));
      }
      rows.add(
          new ImportRow(
              i + 2, name, tid, parent, List.copyOf(tagIds), isLinked, List.copyOf(errors)));
    }
    return rows;
  }

  private @Nullable UUID parent(String text, Map<String, List<UUID>> byName, List<String> errors) {
    if (text.isBlank()) {
      return null;
    }
    UUID id = guid(text);
    List<UUID> candidates =
        id != null ? List.of(id) : byName.getOrDefault(text.toLowerCase(Locale.ROOT), List.of());
    List<UUID> visible =
        candidates.stream().filter(c -> tenants.exists(c) && access.canSeeTenant(c)).toList();
    if (visible.size() != 1) {
      errors.add("unknown parent '" + text + "'");
      return null;
    }
    return visible.get(0);
  }

  private static Map<String, Integer> header(List<String> h) {
    Map<String, Integer> col = new LinkedHashMap<>();
    for (int i = 0; i < h.size(); i++) {
      String k = h.get(i).strip().toLowerCase(Locale.ROOT);
      col.put(
          switch (k) {
            case "tenant id", "tenantid", "azure tenant id", "entra tid", "azuretenantid" -> "tid";
            default -> k;
          },
          i);
    }
    if (!col.containsKey("name") || !col.containsKey("tid")) {
      throw ApiException.invalid(
          "The CSV header must name the columns name and tid (parent and tags optional)");
    }
    return col;
  }

  private static String cell(List<String> line, @Nullable Integer index) {
    return index == null || index >= line.size() ? "" : line.get(index).strip();
  }

  static @Nullable UUID guid(String s) {
    try {
      return s.length() == 36 ? UUID.fromString(s) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
