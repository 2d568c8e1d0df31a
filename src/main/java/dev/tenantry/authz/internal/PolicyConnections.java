package dev.tenantry.authz.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * A small pool of its own for the policy store: the LISTEN connection, full loads and catch-ups.
 * Kept apart from the application pool so that a catch-up run right after a request's commit (while
 * that request still holds its connection) can never starve the pool, and so that it never joins a
 * Spring-managed transaction.
 */
@Component
public class PolicyConnections implements AutoCloseable {
  private final HikariDataSource pool;

  PolicyConnections(DataSource app) throws SQLException {
    HikariDataSource main = app.unwrap(HikariDataSource.class);
    HikariConfig c = new HikariConfig();
    c.setPoolName("tenantry-policy");
    c.setJdbcUrl(main.getJdbcUrl());
    c.setUsername(main.getUsername());
    c.setPassword(main.getPassword());
    c.setMaximumPoolSize(3);
    c.setMinimumIdle(1);
    c.setConnectionTimeout(
        2000); // a catch-up that cannot get a connection fails fast (stale → 503)
    pool = new HikariDataSource(c);
  }

  public Connection open() throws SQLException {
    return pool.getConnection();
  }

  @Override
  public void close() {
    pool.close();
  }
}
