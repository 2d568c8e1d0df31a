# The production image: the production jar (./tenantry build → target/production/tenantry.jar, without the
# embedded PostgreSQL and the local OIDC provider) on a Java 21 runtime, as an unprivileged user.
# Build:  ./tenantry build && docker build -t tenantry .
# Run:    see README.md, "Production build" (needs an external PostgreSQL and an Entra ID app registration).
FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --home-dir /app tenantry
WORKDIR /app
COPY target/production/tenantry.jar /app/tenantry.jar
USER 10001
ENV SPRING_PROFILES_ACTIVE=production
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseZGC", "-XX:+ZGenerational", "-jar", "/app/tenantry.jar"]
