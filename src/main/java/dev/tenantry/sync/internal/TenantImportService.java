package dev.tenantry.sync.internal;

import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ErrorCode;
import dev.tenantry.sync.ImportRow;
import dev.tenantry.tenancy.TenantImports;
import dev.tenantry.tenancy.TenantView;
import dev.tenantry.tenancy.Tenants;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
  static final int MAX_ROWS = CsvRows.MAX_ROWS;
  private final GraphClient graph;
  private final CsvRows csvRows;
  private final Tenants tenants;
  private final TenantImports imports;
  private final SyncAccess access;
  private final @Nullable String partnerTenantId;

  TenantImportService(
      GraphClient graph,
      CsvRows csvRows,
      Tenants tenants,
      TenantImports imports,
      SyncAccess access,
      @Value("${tenantry.graph.partner-tenant-id:${tenantry.oidc.home-tenant-id:}}")
          @Nullable String partnerTenantId) {
    this.graph = graph;
    this.csvRows = csvRows;
    this.tenants = tenants;
    this.imports = imports;
    this.access = access;
    this.partnerTenantId = partnerTenantId;
  }

  /** The MSP's GDAP customers, each with its tid and whether it is linked already. */
  public List<ImportRow> previewGdap() {
    access.requireImportAnywhere();
    Map<UUID, String> customers = gdapCustomers();
    Set<UUID> linked = csvRows.linked(customers.keySet());
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
    return csvRows.check(csv);
  }

  public List<TenantView> importCsv(String csv) {
    access.requireImportAnywhere();
    List<ImportRow> rows = csvRows.check(csv);
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
    UUID home = CsvRows.guid(partnerTenantId == null ? "" : partnerTenantId.strip());
    if (home == null) {
      throw ApiException.conflict("No partner (MSP) Entra tenant is configured");
    }
    Map<UUID, String> out = new LinkedHashMap<>();
    String link = "/tenantRelationships/delegatedAdminCustomers";
    try {
      for (int pages = 0; pages < 1_000 && !link.isEmpty(); pages++) {
        JsonNode page = graph.get(home, link);
        for (JsonNode c : page.path("value")) {
          UUID tid = CsvRows.guid(c.path("tenantId").asString(c.path("id").asString("")));
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
