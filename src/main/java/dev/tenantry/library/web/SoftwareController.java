package dev.tenantry.library.web;

import dev.tenantry.authz.Permission;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.Requires.On;
import dev.tenantry.library.internal.FileStore;
import dev.tenantry.library.internal.SoftwareService;
import dev.tenantry.library.internal.SoftwareViews;
import dev.tenantry.shared.Page;
import dev.tenantry.shared.web.Versions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/software")
class SoftwareController {
  private final SoftwareService software;
  private final FileStore files;

  SoftwareController(SoftwareService software, FileStore files) {
    this.software = software;
    this.files = files;
  }

  record SoftwareRequest(
      @NotBlank @Size(max = 200) String name,
      @Nullable @Size(max = 200) String vendor,
      @Nullable @Size(max = 4000) String description,
      @Nullable @Size(max = 4000) String detectionRule,
      @Nullable UUID installScriptId,
      @Nullable UUID uninstallScriptId,
      @Nullable UUID testScriptId,
      @Nullable UUID iconMediaId,
      @Nullable UUID ownerTenantId,
      @Nullable Boolean global,
      @Nullable Long version) {
    SoftwareViews.Save command() {
      return new SoftwareViews.Save(
          name.strip(),
          Common.orEmpty(vendor),
          Common.orEmpty(description),
          Common.orEmpty(detectionRule),
          installScriptId,
          uninstallScriptId,
          testScriptId,
          iconMediaId,
          ownerTenantId,
          Common.yes(global));
    }
  }

  record VersionRequest(
      @NotBlank @Size(max = 100) String version,
      @Nullable @Size(max = 2000) String downloadUrl,
      @Nullable @Size(max = 20000) String releaseNotes) {}

  @Requires(
      value = {Permission.SOFTWARE_VIEW},
      on = On.LIST)
  @GetMapping
  Page<SoftwareViews.Software> list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable UUID ownerTenantId,
      @RequestParam(required = false) @Nullable String owner,
      @RequestParam(defaultValue = "name") String sort,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return software.list(q, ownerTenantId, owner, sort, Page.page(page), Page.size(size));
  }

  @Requires(
      value = {Permission.SOFTWARE_VIEW},
      on = On.TENANT,
      note = "on the owner; global: at any scope")
  @GetMapping("/{id}")
  SoftwareViews.Software get(@PathVariable UUID id) {
    return software.get(id);
  }

  @Requires(
      value = {Permission.SOFTWARE_MANAGE},
      on = On.TENANT,
      note = "on the owner (default: the caller's tenant); global also needs software:publish")
  @PostMapping
  ResponseEntity<SoftwareViews.Software> create(@Valid @RequestBody SoftwareRequest r) {
    SoftwareViews.Software s = software.create(r.command());
    return ResponseEntity.created(URI.create("/api/v1/software/" + s.id())).body(s);
  }

  @Requires(
      value = {Permission.SOFTWARE_VIEW, Permission.SOFTWARE_MANAGE},
      on = On.TENANT,
      note = "on the owner, and on the new owner when it changes")
  @PutMapping("/{id}")
  SoftwareViews.Software update(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody SoftwareRequest r) {
    return software.update(
        id, Versions.required(r.version(), ifMatch, "software", id), r.command());
  }

  @Requires(
      value = {Permission.SOFTWARE_VIEW, Permission.SOFTWARE_DELETE},
      on = On.TENANT)
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable UUID id,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
    software.delete(id, Versions.optional(null, ifMatch));
    return ResponseEntity.noContent().build();
  }

  @Requires(
      value = {Permission.SOFTWARE_VIEW},
      on = On.TENANT,
      note = "newest version first")
  @GetMapping("/{id}/versions")
  List<SoftwareViews.Version> versions(@PathVariable UUID id) {
    return software.versions(id);
  }

  @Requires(
      value = {Permission.SOFTWARE_VIEW, Permission.SOFTWARE_MANAGE},
      on = On.TENANT)
  @PostMapping("/{id}/versions")
  ResponseEntity<SoftwareViews.Version> addVersion(
      @PathVariable UUID id, @Valid @RequestBody VersionRequest r) {
    SoftwareViews.Version v =
        software.addVersion(
            id,
            new SoftwareViews.AddVersion(
                r.version().strip(),
                Common.orEmpty(r.downloadUrl()),
                Common.orEmpty(r.releaseNotes())));
    return ResponseEntity.created(URI.create("/api/v1/software/" + id + "/versions/" + v.id()))
        .body(v);
  }

  @Requires(
      value = {Permission.SOFTWARE_VIEW, Permission.SOFTWARE_MANAGE},
      on = On.TENANT,
      note = "the body is the raw file (streamed); 413 beyond tenantry.library.max-file-size")
  @PutMapping("/{id}/versions/{versionId}/installer")
  SoftwareViews.Version uploadInstaller(
      @PathVariable UUID id,
      @PathVariable UUID versionId,
      @RequestParam(defaultValue = "installer") String fileName,
      HttpServletRequest request)
      throws IOException {
    return software.uploadInstaller(
        id, versionId, fileName, request.getInputStream(), request.getContentLengthLong());
  }

  @Requires(
      value = {Permission.SOFTWARE_VIEW},
      on = On.TENANT,
      note = "supports Range")
  @GetMapping("/{id}/versions/{versionId}/installer")
  void downloadInstaller(
      @PathVariable UUID id,
      @PathVariable UUID versionId,
      @RequestHeader(value = "Range", required = false) @Nullable String range,
      @RequestHeader(value = "If-Range", required = false) @Nullable String ifRange,
      HttpServletResponse response)
      throws IOException {
    Downloads.send(files, software.installer(id, versionId), range, ifRange, response);
  }

  record AdoptRequest(@Nullable @Size(max = 100) String version) {}

  @Requires(
      value = {Permission.SOFTWARE_VIEW, Permission.SOFTWARE_MANAGE},
      on = On.TENANT,
      note =
          "a new software version (default: the old string + \"+1\") with the same installer, pinning the scripts' latest versions; 200 with the unchanged version when it already pins them")
  @PostMapping("/{id}/versions/{versionId}/adopt-latest-scripts")
  ResponseEntity<SoftwareViews.Version> adoptLatestScripts(
      @PathVariable UUID id,
      @PathVariable UUID versionId,
      @RequestBody(required = false) @Nullable AdoptRequest r) {
    SoftwareViews.Adopted a =
        software.adoptLatestScripts(id, versionId, r == null ? null : r.version());
    if (!a.created()) {
      return ResponseEntity.ok(a.version());
    }
    return ResponseEntity.created(
            URI.create("/api/v1/software/" + id + "/versions/" + a.version().id()))
        .body(a.version());
  }
}
