# CollabHub web app image.
#
#   docker build -t collabhub-web .
#   docker run -p 8080:8080 -e ConnectionStrings__CollabHub="Host=...;Database=collabhub;Username=...;Password=..." collabhub-web
#   docker run ... collabhub-web migrate      # apply EF Core migrations, then exit 0
#
# Always set ConnectionStrings__CollabHub: without it the app tries to provision a local PostgreSQL from server
# binaries, which this image does not contain. compose.yaml runs the app with PostgreSQL and Mailpit.

# ---- build ---------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore on its own layer: it is only redone when the SDK pin, the build/package props or the project file change.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/CollabHub.Web/CollabHub.Web.csproj src/CollabHub.Web/
RUN dotnet restore src/CollabHub.Web/CollabHub.Web.csproj

# .editorconfig carries the code-style rules the build enforces (EnforceCodeStyleInBuild + TreatWarningsAsErrors),
# so the image compiles under the same rules as a local or CI build. bin/ and obj/ are kept out by .dockerignore,
# so this copy cannot overwrite the restore output above with a host's obj/ folder.
COPY .editorconfig ./
COPY src/ src/
RUN dotnet publish src/CollabHub.Web/CollabHub.Web.csproj \
        -c Release -o /app/publish --no-restore /p:UseAppHost=false

# ---- runtime -------------------------------------------------------------------------------------------------
# The .NET 10 default tags are Ubuntu 24.04 based: bash, coreutils and grep are there, curl and wget are not.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final

# Where the source lives is the publisher's to say: docker build --build-arg SOURCE_URL=https://... .
ARG SOURCE_URL=""
LABEL org.opencontainers.image.title="CollabHub" \
      org.opencontainers.image.description="CollabHub web application (ASP.NET Core Blazor, PostgreSQL)" \
      org.opencontainers.image.source="${SOURCE_URL}"

ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080

WORKDIR /app
# Files stay owned by root: the app user can read but not modify its own binaries.
COPY --from=build /app/publish ./

# The non-root 'app' user (UID 1654) that the base image creates.
USER $APP_UID
EXPOSE 8080

# Liveness only (/health/live checks no dependencies, so a database outage does not mark the container unhealthy).
# No curl in the image, so bash's /dev/tcp sends a bare HTTP/1.1 GET and the status line is checked for 200.
# In this JSON (exec) form "\\r\\n" reaches bash as \r\n, which printf turns into CR LF. Port 8080 matches
# ASPNETCORE_HTTP_PORTS above. The start period covers the app's wait for its database (Database:StartupTimeout,
# 60 s by default) before Kestrel starts listening.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 ' || exit 1"]

ENTRYPOINT ["dotnet", "CollabHub.Web.dll"]
