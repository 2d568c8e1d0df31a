package dev.tenantry.library.web;

import dev.tenantry.library.internal.Download;
import dev.tenantry.library.internal.FileStore;
import dev.tenantry.library.internal.ScriptService;
import dev.tenantry.library.internal.SoftwareService;
import dev.tenantry.library.internal.SoftwareViews;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.tenancy.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The software editor: the software, its versions (add one, upload its installer with a progress
 * bar) and "adopt the latest scripts" on a version.
 */
@Controller
@ConsolePage
class SoftwarePages {
  private final SoftwareService software;
  private final FileStore files;
  private final ScriptService scripts;
  private final Tenants tenants;
  private final dev.tenantry.library.internal.LibraryOwnership ownership;

  SoftwarePages(
      SoftwareService software,
      ScriptService scripts,
      Tenants tenants,
      dev.tenantry.library.internal.LibraryOwnership ownership,
      FileStore files) {
    this.ownership = ownership;
    this.files = files;
    this.software = software;
    this.scripts = scripts;
    this.tenants = tenants;
  }

  @GetMapping("/library/software/new")
  String newSoftware(Model model) {
    model.addAttribute("software", null);
    model.addAttribute("scriptNames", Map.of());
    return "library/software";
  }

  @GetMapping("/library/software/{id}")
  String page(@PathVariable UUID id, Model model) {
    SoftwareViews.Software s = software.get(id);
    Map<UUID, String> names = new HashMap<>();
    for (UUID script : new UUID[] {s.installScriptId(), s.uninstallScriptId(), s.testScriptId()}) {
      if (script != null) {
        names.put(script, scriptName(script));
      }
    }
    model.addAttribute("software", s);
    model.addAttribute("scriptNames", names);
    model.addAttribute("versions", software.versions(id));
    model.addAttribute("canManage", software.canManage(id));
    model.addAttribute("ownership", ownership.form("software", id));
    model.addAttribute("tenants", Common.ownerName(tenants, s.ownerTenantId()));
    return "library/software";
  }

  @PostMapping("/library/software")
  String create(SoftwareForm f, RedirectAttributes flash) {
    SoftwareViews.Software s = software.create(f.command(f.ownerTenantId(), false, null));
    flash.addFlashAttribute("notice", "Created software " + s.name());
    return "redirect:/library/software/" + s.id();
  }

  @PostMapping("/library/software/{id}")
  String update(@PathVariable UUID id, SoftwareForm f, RedirectAttributes flash) {
    SoftwareViews.Software before = software.get(id);
    software.update(
        id,
        f.version() == null ? -1 : f.version(),
        f.command(before.ownerTenantId(), before.global(), before.iconMediaId()));
    flash.addFlashAttribute("notice", "Saved");
    return "redirect:/library/software/" + id;
  }

  @PostMapping("/library/software/{id}/versions")
  String addVersion(
      @PathVariable UUID id,
      @RequestParam String newVersion,
      @RequestParam(defaultValue = "") String downloadUrl,
      @RequestParam(defaultValue = "") String releaseNotes,
      RedirectAttributes flash) {
    SoftwareViews.Version v =
        software.addVersion(
            id, new SoftwareViews.AddVersion(newVersion.strip(), downloadUrl, releaseNotes));
    flash.addFlashAttribute("notice", "Added version " + v.version());
    return "redirect:/library/software/" + id;
  }

  @PostMapping("/library/software/{id}/versions/{versionId}/adopt")
  String adopt(
      @PathVariable UUID id,
      @PathVariable UUID versionId,
      @RequestParam(defaultValue = "") String adoptAs,
      RedirectAttributes flash) {
    SoftwareViews.Adopted a =
        software.adoptLatestScripts(id, versionId, adoptAs.isBlank() ? null : adoptAs.strip());
    flash.addFlashAttribute(
        "notice",
        a.created()
            ? "Added version " + a.version().version() + " with the latest scripts"
            : "Version " + a.version().version() + " already uses the latest scripts");
    return "redirect:/library/software/" + id;
  }

  /** The page's XHR sends the installer as the raw body, so the browser reports progress. */
  @PostMapping("/library/software/{id}/versions/{versionId}/installer")
  @ResponseBody
  SoftwareViews.Version upload(
      @PathVariable UUID id,
      @PathVariable UUID versionId,
      @RequestParam(defaultValue = "installer") String fileName,
      HttpServletRequest request)
      throws IOException {
    return software.uploadInstaller(
        id, versionId, fileName, request.getInputStream(), request.getContentLengthLong());
  }

  /**
   * The page's XHR sends the icon as the raw body (PNG, JPEG, GIF or WebP, at most 256 KiB; 415 for
   * anything else, SVG included).
   */
  @PostMapping("/library/software/{id}/icon")
  ResponseEntity<Map<String, Object>> uploadIcon(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "icon") String fileName,
      HttpServletRequest request)
      throws IOException {
    try {
      SoftwareViews.Software s =
          software.setIcon(id, fileName, request.getInputStream(), request.getContentLengthLong());
      return ResponseEntity.ok(
          Map.of("iconMediaId", String.valueOf(s.iconMediaId()), "version", s.version()));
    } catch (ApiException refused) { // the page's script shows the reason next to the bar
      return ResponseEntity.status(refused.code().status())
          .body(Map.of("detail", String.valueOf(refused.getMessage())));
    }
  }

  /**
   * The icon, inline, with its type read from its bytes (a fixed allow-list of raster images),
   * {@code nosniff} and a CSP that runs nothing; 404 when there is none.
   */
  @GetMapping("/library/software/{id}/icon")
  void icon(@PathVariable UUID id, HttpServletResponse response) throws IOException {
    Download d = software.icon(id).orElseThrow(() -> ApiException.notFound("icon of software", id));
    response.setContentType(d.contentType());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    response.setHeader("Content-Disposition", "inline; filename=\"icon\"");
    response.setHeader("Cache-Control", "private, no-cache");
    response.setContentLengthLong(d.blob().size());
    files.copy(d.blob(), 0, d.blob().size() - 1, response.getOutputStream());
  }

  private String scriptName(UUID script) {
    try {
      return scripts.get(script).name();
    } catch (ApiException hidden) {
      return "(a script you cannot see)";
    }
  }

  record SoftwareForm(
      String name,
      @Nullable String vendor,
      @Nullable String description,
      @Nullable String detectionRule,
      @Nullable UUID installScriptId,
      @Nullable UUID uninstallScriptId,
      @Nullable UUID testScriptId,
      @Nullable UUID ownerTenantId,
      @Nullable Long version) {
    SoftwareViews.Save command(@Nullable UUID owner, boolean global, @Nullable UUID icon) {
      if (name == null || name.isBlank()) {
        throw ApiException.invalid("name: required");
      }
      return new SoftwareViews.Save(
          name.strip(),
          Common.orEmpty(vendor),
          Common.orEmpty(description),
          Common.orEmpty(detectionRule),
          installScriptId,
          uninstallScriptId,
          testScriptId,
          icon,
          owner,
          global);
    }
  }
}
