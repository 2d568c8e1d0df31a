package dev.tenantry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TenantryApplication {
  public static void main(String[] args) {
    SpringApplication.run(TenantryApplication.class, args);
  }
}
