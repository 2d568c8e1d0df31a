package dev.tenantry.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: an external PostgreSQL when {@code tenantry.db.url} (env {@code TENANTRY_DB_URL})
 * is set, else the embedded one of development ({@link EmbeddedDatabase}); the production build has
 * none and says so.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {
  private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(
      @Value("${tenantry.db.url:}") String url,
      @Value("${tenantry.db.username:postgres}") String username,
      @Value("${tenantry.db.password:}") String password,
      @Value("${tenantry.db.pool-size:10}") int poolSize,
      ObjectProvider<LocalDatabase> local) {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("tenantry");
    if (url.isBlank()) {
      LocalDatabase embedded = local.getIfAvailable();
      if (embedded == null) {
        throw new IllegalStateException(
            "No database configured: this build has no embedded PostgreSQL; set TENANTRY_DB_URL"
                + " (tenantry.db.url), TENANTRY_DB_USERNAME and TENANTRY_DB_PASSWORD");
      }
      config.setJdbcUrl(embedded.jdbcUrl());
      config.setUsername("postgres");
    } else {
      config.setJdbcUrl(url);
      config.setUsername(username);
      config.setPassword(password);
      log.info("Using external PostgreSQL at {}", url.replaceAll("password=[^&]*", "password=***"));
    }
    return new HikariDataSource(config);
  }
}
