// The base images the templates use, each pinned to an explicit version tag (never `latest` or a bare
// major): a build made today and one made next year start from the same image. Bump them here, together.

export const BaseImages = {
  node: 'node:20.18.1-bookworm-slim',
  python: 'python:3.12.8-slim-bookworm',
  goBuild: 'golang:1.23.4-bookworm',
  goRuntime: 'debian:12.8-slim',
  maven: 'maven:3.9.9-eclipse-temurin-21',
  gradle: 'gradle:8.11.1-jdk21',
  javaRuntime: 'eclipse-temurin:21.0.5_11-jre-jammy',
  // The .NET images are published only under their vendor's own registry, hence the host in the name.
  dotnetSdk: 'mcr.microsoft.com/dotnet/sdk:8.0.404-bookworm-slim',
  dotnetAspnet: 'mcr.microsoft.com/dotnet/aspnet:8.0.11-bookworm-slim',
  dotnetRuntime: 'mcr.microsoft.com/dotnet/runtime:8.0.11-bookworm-slim',
} as const;

/** Every base image a template may name (the build test stands each one in locally). */
export const allBaseImages: readonly string[] = Object.values(BaseImages);
