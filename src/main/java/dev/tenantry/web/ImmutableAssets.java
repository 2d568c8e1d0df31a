package dev.tenantry.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Marks a static resource found under a versioned path as immutable: the response then carries
 * {@code Cache-Control: public, max-age=31536000, immutable} (set by the resource handler, so
 * Spring Security's {@code no-store} default, written only where no Cache-Control exists, stays
 * off). Only a resource that was found gets it: a 404 for a version this node does not have (a
 * rolling deploy) is never cached.
 */
final class ImmutableAssets implements ResourceResolver {
  /** {@code console-<32 hex digits of MD5>.css}, as {@code VersionResourceResolver} writes it. */
  static final Pattern CONTENT_HASH = Pattern.compile("-[0-9a-f]{32}\\.[A-Za-z0-9]+$");

  /** {@code <webjar>/<version>/…}: a WebJar path that names its version. */
  static final Pattern WEBJAR_VERSION = Pattern.compile("^[^/]+/[0-9]+(\\.[0-9A-Za-z-]+)+/");

  static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

  private final Pattern versioned;

  ImmutableAssets(Pattern versioned) {
    this.versioned = versioned;
  }

  @Override
  public @Nullable Resource resolveResource(
      @Nullable HttpServletRequest request,
      String requestPath,
      List<? extends Resource> locations,
      ResourceResolverChain chain) {
    Resource found = chain.resolveResource(request, requestPath, locations);
    return found == null || !StaticAssets.matches(versioned, requestPath)
        ? found
        : new Immutable(found);
  }

  @Override
  public @Nullable String resolveUrlPath(
      String resourcePath, List<? extends Resource> locations, ResourceResolverChain chain) {
    return chain.resolveUrlPath(resourcePath, locations);
  }

  /** The resource as found, with the response headers of a versioned asset. */
  private static final class Immutable extends AbstractResource implements HttpResource {
    private final Resource resource;

    Immutable(Resource resource) {
      this.resource = resource;
    }

    @Override
    public HttpHeaders getResponseHeaders() {
      HttpHeaders headers = new HttpHeaders();
      if (resource instanceof HttpResource http) {
        headers.putAll(http.getResponseHeaders()); // e.g. the ETag of a content-versioned file
      }
      headers.set(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
      return headers;
    }

    @Override
    public InputStream getInputStream() throws IOException {
      return resource.getInputStream();
    }

    @Override
    public boolean exists() {
      return resource.exists();
    }

    @Override
    public boolean isReadable() {
      return resource.isReadable();
    }

    @Override
    public boolean isFile() {
      return resource.isFile();
    }

    @Override
    public URL getURL() throws IOException {
      return resource.getURL();
    }

    @Override
    public URI getURI() throws IOException {
      return resource.getURI();
    }

    @Override
    public File getFile() throws IOException {
      return resource.getFile();
    }

    @Override
    public long contentLength() throws IOException {
      return resource.contentLength();
    }

    @Override
    public long lastModified() throws IOException {
      return resource.lastModified();
    }

    @Override
    public Resource createRelative(String relativePath) throws IOException {
      return resource.createRelative(relativePath);
    }

    @Override
    public @Nullable String getFilename() {
      return resource.getFilename();
    }

    @Override
    public String getDescription() {
      return resource.getDescription();
    }
  }
}
