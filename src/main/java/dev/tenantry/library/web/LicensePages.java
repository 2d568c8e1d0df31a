package dev.tenantry.library.web;

import dev.tenantry.library.internal.LicenseService;
import dev.tenantry.library.internal.SoftwareService;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ConsolePage;
import dev.tenantry.tenancy.Tenants;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The license editor. The key and file are set or replaced here but never shown back: the page says
 * whether they exist, and only those who may read them get a "Reveal" button.
 */
@Controller
@ConsolePage
class LicensePages {
  private final LicenseService licenses;
  private final SoftwareService software;
  private final Tenants tenants;
  private final dev.tenantry.library.internal.LibraryOwnership ownership;

  LicensePages(
      LicenseService licenses,
      SoftwareService software,
      Tenants tenants,
      dev.tenantry.library.internal.LibraryOwnership ownership) {
    this.ownership = ownership;
    this.licenses = licenses;
    this.software = software;
    this.tenants = tenants;
  }

  @GetMapping("/library/licenses/new")
  String newLicense(Model model) {
    model.addAttribute("license", null);
    model.addAttribute("softwareName", "");
    return "library/license";
  }

  @GetMapping("/library/licenses/{id}")
  String page(@PathVariable UUID id, Model model) {
    LicenseService.License l = licenses.get(id);
    model.addAttribute("license", l);
    model.addAttribute("softwareName", software.get(l.softwareId()).name());
    model.addAttribute("canManage", licenses.canManage(id));
    model.addAttribute("ownership", ownership.form("licenses", id));
    model.addAttribute("canReveal", licenses.canReadSecret(id));
    model.addAttribute("tenants", Common.ownerName(tenants, l.ownerTenantId()));
    return "library/license";
  }

  /** The explicit reveal: the key (and the file's name and size), for those allowed only. */
  @GetMapping("/library/licenses/{id}/secret")
  String reveal(@PathVariable UUID id, Model model) {
    LicenseService.Secret secret = licenses.secret(id);
    model.addAttribute("secret", secret);
    model.addAttribute(
        "fileSize",
        secret.fileBase64() == null ? 0 : Base64.getDecoder().decode(secret.fileBase64()).length);
    return "library/license :: secret";
  }

  @PostMapping("/library/licenses")
  String create(LicenseForm f, RedirectAttributes flash) {
    LicenseService.License l = licenses.create(f.command(null, f.ownerTenantId(), false));
    flash.addFlashAttribute("notice", "Created license " + l.name());
    return "redirect:/library/licenses/" + l.id();
  }

  @PostMapping("/library/licenses/{id}")
  String update(
      @PathVariable UUID id, LicenseForm f, @RequestParam long version, RedirectAttributes flash) {
    LicenseService.License before = licenses.get(id);
    licenses.update(id, version, f.command(before, before.ownerTenantId(), before.global()));
    flash.addFlashAttribute("notice", "Saved");
    return "redirect:/library/licenses/" + id;
  }

  /**
   * {@code key}: empty keeps the stored key unless {@code removeKey}; {@code fileBase64} (filled by
   * the page's script from the chosen file): empty keeps the stored file unless {@code removeFile}.
   */
  record LicenseForm(
      @Nullable UUID softwareId,
      String name,
      @Nullable String key,
      @Nullable Boolean removeKey,
      @Nullable String fileBase64,
      @Nullable String fileName,
      @Nullable Boolean removeFile,
      @Nullable LocalDate expiresOn,
      @Nullable String minVersion,
      @Nullable String maxVersion,
      @Nullable UUID ownerTenantId) {

    LicenseService.Save command(
        LicenseService.@Nullable License before, @Nullable UUID owner, boolean global) {
      if (name == null || name.isBlank()) {
        throw ApiException.invalid("name: required");
      }
      UUID sw = softwareId != null ? softwareId : before == null ? null : before.softwareId();
      if (sw == null) {
        throw ApiException.invalid("softwareId: pick the software this license is for");
      }
      boolean newFile = fileBase64 != null && !fileBase64.isEmpty();
      return new LicenseService.Save(
          sw,
          name.strip(),
          Common.yes(removeKey) ? "" : (key == null || key.isEmpty() ? null : key),
          Common.yes(removeFile) ? "" : (newFile ? fileBase64 : null),
          newFile
              ? Common.orEmpty(fileName)
              : Common.yes(removeFile) || before == null ? "" : before.fileName(),
          expiresOn,
          blankToNull(minVersion),
          blankToNull(maxVersion),
          owner,
          global);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }
  }
}
