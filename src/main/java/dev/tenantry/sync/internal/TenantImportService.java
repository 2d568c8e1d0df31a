package dev.tenantry.sync.internal;

import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ErrorCode;
import dev.tenantry.sync.ImportRow;
import dev.tenantry.tenancy.TagView;
import dev.tenantry.tenancy.TenantImports;
import dev.tenantry.tenancy.TenantView;
import dev.tenantry.tenancy.Tenants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Imports client tenants linked to Entra: from the MSP's GDAP customers (Graph {@code
 * tenantRelationships/delegatedAdminCustomers}) or from a CSV ({@code name,tid,parent,tags}). A The
 * GDAP relationships live in the MSP's own Entra tenant: {@code tenantry.graph.partner-tenant-id},
 * by default the instance's home tenant ({@code tenantry.oidc.home-tenant-id}). A preview lists
 * every row with its errors; an import creates and links every row in one transaction, or nothing
 * (any row with an error refuses the whole import).
 */
@Service
public class TenantImportService {
  static final int MAX_ROWS = 5_000;
  private final GraphClient graph;
  private final ImportLookups lookups;
  private final Tenants tenants;
  private final TenantImports imports;
  private final SyncAccess access;
  private final @Nullable String partnerTenantId;

  TenantImportService(
      GraphClient graph,
      ImportLookups lookups,
      Tenants tenants,
      TenantImports imports,
      SyncAccess access,
      @Value("${tenantry.graph.partner-tenant-id:${tenantry.oidc.home-tenant-id:}}")
          @Nullable String partnerTenantId) {
    this.graph = graph;
    this.lookups = lookups;
    this.tenants = tenants;
    this.imports = imports;
    this.access = access;
    this.partnerTenantId = partnerTenantId;
  }

  /** The MSP's GDAP customers, each with its tid and whether it is linked already. */
  public List<ImportRow> previewGdap() {
    access.requireImportAnywhere();
    Map<UUID, String> customers = gdapCustomers();
    Set<UUID> linked = lookups.linked(customers.keySet());
    List<ImportRow> rows = new ArrayList<>();
    int line = 1;
    for (var c : customers.entrySet()) {
      boolean isLinked = linked.contains(c.getKey());
      rows.add(
          new ImportRow(
              line++,
              c.getValue(),
              c.getKey(),
              null,
              List.of(),
              isLinked,
              isLinked ? List.of("already linked to a tenant") : List.of()));
    }
    return rows;
  }

  /** Creates a linked tenant for each picked GDAP customer, under {@code parentId}, tagged. */
  public List<TenantView> importGdap(List<UUID> tids, @Nullable UUID parentId, List<UUID> tagIds) {
    if (tids.isEmpty() || tids.size() > MAX_ROWS) {
      throw ApiException.invalid("Pick between 1 and " + MAX_ROWS + " customers");
    }
    access.requireImport(parentId, !tagIds.isEmpty());
    requireTags(tagIds);
    Map<UUID, String> customers = gdapCustomers();
    List<TenantImports.NewTenant> rows = new ArrayList<>();
    for (UUID tid : new java.util.LinkedHashSet<>(tids)) {
      String name = customers.get(tid);
      if (name == null) {
        throw ApiException.invalid(tid + " is not a GDAP customer of this MSP");
      }
      rows.add(new TenantImports.NewTenant(name, tid, parentId, tagIds));
    }
    return imports.create("GDAP", rows);
  }

  public List<ImportRow> previewCsv(String csv) {
    access.requireImportAnywhere();
    return check(csv);
  }

  public List<TenantView> importCsv(String csv) {
    access.requireImportAnywhere();
    List<ImportRow> rows = check(csv);
    List<ImportRow> bad = rows.stream().filter(r -> !r.ok()).toList();
    if (rows.isEmpty() || !bad.isEmpty()) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED,
          rows.isEmpty()
              ? "The CSV has no tenants"
              : bad.size() + " rows have errors; nothing imported",
          Map.of("rows", bad));
    }
    for (ImportRow r : rows) {
      access.requireImport(r.parentId(), !r.tagIds().isEmpty());
    }
    return imports.create(
        "CSV",
        rows.stream()
            .map(
                r ->
                    new TenantImports.NewTenant(
                        r.name(), r.azureTenantId(), r.parentId(), r.tagIds()))
            .toList());
  }

  private List<ImportRow> check(String csv) {
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

  private static @Nullable UUID guid(String s) {
    try {
      return s.length() == 36 ? UUID.fromString(s) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void requireTags(List<UUID> tagIds) {
    Set<UUID> known = new HashSet<>();
    tenants.tagList().forEach(t -> known.add(t.id()));
    for (UUID t : tagIds) {
      if (!known.contains(t)) {
        throw ApiException.invalid("Unknown tag " + t);
      }
    }
  }

  private Map<UUID, String> gdapCustomers() {
    UUID home = guid(partnerTenantId == null ? "" : partnerTenantId.strip());
    if (home == null) {
      throw ApiException.conflict("No partner (MSP) Entra tenant is configured");
    }
    Map<UUID, String> out = new LinkedHashMap<>();
    String link = "/tenantRelationships/delegatedAdminCustomers";
    try {
      for (int pages = 0; pages < 1_000 && !link.isEmpty(); pages++) {
        JsonNode page = graph.get(home, link);
        for (JsonNode c : page.path("value")) {
          UUID tid = guid(c.path("tenantId").asString(c.path("id").asString("")));
          if (tid != null) {
            out.put(tid, c.path("displayName").asString(tid.toString()));
          }
        }
        link = page.path("@odata.nextLink").asString("");
      }
    } catch (GraphException e) {
      throw new ApiException(ErrorCode.UPSTREAM_FAILED, "Microsoft Graph: " + e.getMessage());
    }
    return out;
  }
}
