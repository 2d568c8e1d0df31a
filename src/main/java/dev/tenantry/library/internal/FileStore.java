package dev.tenantry.library.internal;

import dev.tenantry.shared.web.ApiException;
import dev.tenantry.shared.web.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files in PostgreSQL (DESIGN §7), shared by every node: a blob is a row of {@code file_blob} and
 * its bytes are rows of {@code file_chunk} of {@code tenantry.library.chunk-size} bytes. Bytes are
 * streamed in and out one chunk at a time, never held whole. Blobs are content-addressed by
 * SHA-256: a finished upload whose hash already exists is dropped in favour of the existing blob.
 * The upload itself is identical either way (every byte is read, written and hashed before the
 * lookup), so a caller cannot tell whether another tenant holds the same file.
 */
@Component
public class FileStore {
  private final JdbcClient jdbc;
  private final JdbcTemplate cursor;
  private final TransactionTemplate readOnly;
  private final int chunkSize;
  private final long maxSize;
  private final int chunksPerQuery;

  FileStore(
      DataSource dataSource,
      PlatformTransactionManager tm,
      @Value("${tenantry.library.chunk-size}") int chunkSize,
      @Value("${tenantry.library.max-file-size}") long maxSize,
      @Value("${tenantry.library.chunks-per-query:16}") int chunksPerQuery) {
    this.jdbc = JdbcClient.create(dataSource);
    this.cursor = new JdbcTemplate(dataSource);
    this.cursor.setFetchSize(1); // PostgreSQL streams rows with a cursor inside a transaction
    this.readOnly = new TransactionTemplate(tm);
    this.readOnly.setReadOnly(true);
    this.chunkSize = chunkSize;
    this.maxSize = maxSize;
    this.chunksPerQuery = chunksPerQuery;
  }

  /** A stored blob: its id, size, chunk size and SHA-256 (hex). */
  public record Blob(UUID id, long size, int chunkSize, String sha256) {}

  public long maxSize() {
    return maxSize;
  }

  /**
   * Stores the stream (joining the caller's transaction, so a failed upload leaves nothing);
   * PAYLOAD_TOO_LARGE once it exceeds the limit, or up front when the declared length ({@code
   * Content-Length}, -1 when unknown) already does, before a byte of the body is read.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Blob store(InputStream in, long declaredLength) {
    if (declaredLength > maxSize) {
      throw tooLarge();
    }
    UUID staging = UUID.randomUUID();
    jdbc.sql("insert into file_blob (id, chunk_size) values (?, ?)")
        .params(staging, chunkSize)
        .update();
    MessageDigest sha = sha256();
    byte[] buffer = new byte[chunkSize];
    long total = 0;
    int seq = 0;
    try {
      while (true) {
        int n = in.readNBytes(buffer, 0, chunkSize);
        if (n == 0) {
          break;
        }
        total += n;
        if (total > maxSize) {
          throw tooLarge();
        }
        sha.update(buffer, 0, n);
        byte[] data = n == chunkSize ? buffer : java.util.Arrays.copyOf(buffer, n);
        jdbc.sql("insert into file_chunk (blob_id, seq, data) values (?, ?, ?)")
            .params(staging, seq++, data)
            .update();
        if (n < chunkSize) {
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the upload was interrupted", e);
    }
    byte[] hash = sha.digest();
    String hex = HexFormat.of().formatHex(hash);
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 80))")
        .param(hex)
        .query()
        .listOfRows();
    Optional<UUID> existing =
        jdbc.sql("select id from file_blob where sha256 = ? and complete")
            .param(hash)
            .query(UUID.class)
            .optional();
    if (existing.isPresent()) {
      jdbc.sql("delete from file_blob where id = ?").param(staging).update();
      return new Blob(existing.get(), total, chunkSize, hex);
    }
    jdbc.sql("update file_blob set sha256 = ?, size = ?, complete = true where id = ?")
        .params(hash, total, staging)
        .update();
    return new Blob(staging, total, chunkSize, hex);
  }

  private ApiException tooLarge() {
    return new ApiException(
        ErrorCode.PAYLOAD_TOO_LARGE, "The file is larger than the limit of " + maxSize + " bytes");
  }

  public Optional<Blob> find(UUID id) {
    return jdbc.sql("select id, size, chunk_size, sha256 from file_blob where id = ? and complete")
        .param(id)
        .query(
            (rs, i) ->
                new Blob(
                    rs.getObject(1, UUID.class),
                    rs.getLong(2),
                    rs.getInt(3),
                    HexFormat.of().formatHex(rs.getBytes(4))))
        .optional();
  }

  /**
   * Writes bytes {@code from..to} (inclusive) of the blob. Chunks are read {@value #chunksPerQuery}
   * per query through a server-side cursor (fetch size 1, in a read-only transaction), so one query
   * serves many chunks while only one chunk is in memory at a time.
   */
  public void copy(Blob blob, long from, long to, OutputStream out) throws IOException {
    int first = (int) (from / blob.chunkSize());
    int last = (int) (to / blob.chunkSize());
    long[] position = {from};
    try {
      for (int start = first; start <= last; start += chunksPerQuery) {
        int begin = start;
        int end = Math.min(last, start + chunksPerQuery - 1);
        readOnly.executeWithoutResult(
            s ->
                cursor.query(
                    "select seq, data from file_chunk where blob_id = ? and seq between ? and ?"
                        + " order by seq",
                    (java.sql.ResultSet rs) -> {
                      long chunkStart = (long) rs.getInt(1) * blob.chunkSize();
                      byte[] data = rs.getBytes(2);
                      int offset = (int) (position[0] - chunkStart);
                      int length = (int) Math.min(data.length - offset, to - position[0] + 1);
                      try {
                        out.write(data, offset, length);
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                      position[0] += length;
                    },
                    blob.id(),
                    begin,
                    end));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (position[0] != to + 1) {
      throw new IllegalStateException("blob " + blob.id() + " is missing chunks");
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
