package dev.tenantry.library.web;

import dev.tenantry.library.internal.Download;
import dev.tenantry.library.internal.FileStore;
import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Sends a stored file, whole or one byte range (RFC 9110 §14: {@code bytes=a-b}, {@code bytes=a-},
 * {@code bytes=-n}); several ranges are answered with the whole file, which the RFC allows. The
 * strong ETag is the SHA-256 of the content; {@code If-Range} with another ETag sends the whole.
 */
final class Downloads {
  private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

  private Downloads() {}

  static void send(
      FileStore files,
      Download d,
      @Nullable String range,
      @Nullable String ifRange,
      HttpServletResponse response)
      throws IOException {
    FileStore.Blob blob = d.blob();
    long size = blob.size();
    String etag = "\"" + blob.sha256() + "\"";
    long from = 0;
    long to = size - 1;
    boolean partial = false;
    if (range != null && !range.isBlank() && (ifRange == null || ifRange.equals(etag))) {
      Matcher m = RANGE.matcher(range.strip());
      if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
        if (m.group(1).isEmpty()) {
          long suffix = Long.parseLong(m.group(2));
          from = Math.max(0, size - suffix);
        } else {
          from = Long.parseLong(m.group(1));
          if (!m.group(2).isEmpty()) {
            to = Math.min(to, Long.parseLong(m.group(2)));
          }
        }
        if (from >= size || from > to) {
          response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
          throw new ApiException(
              ErrorCode.RANGE_NOT_SATISFIABLE,
              "The range " + range + " is outside the file's " + size + " bytes");
        }
        partial = true;
      }
    }
    response.setStatus(partial ? 206 : 200);
    response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
    response.setHeader(HttpHeaders.ETAG, etag);
    response.setContentType(d.contentType());
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename(d.fileName(), StandardCharsets.UTF_8)
            .build()
            .toString());
    if (partial) {
      response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + from + "-" + to + "/" + size);
    }
    response.setContentLengthLong(size == 0 ? 0 : to - from + 1);
    if (size == 0) {
      return;
    }
    OutputStream out = response.getOutputStream();
    files.copy(blob, from, to, out);
    out.flush();
  }
}
