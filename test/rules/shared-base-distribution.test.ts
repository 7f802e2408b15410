import { ruleTable } from '../helpers/workspace-table';

ruleTable('shared-base-distribution', {
  valid: [
    {
      name: 'every final image on Debian',
      files: { 'a/Dockerfile': 'FROM python:3.12-slim-bookworm\n', 'b/Dockerfile': 'FROM debian:bookworm-slim\n', 'c/Dockerfile': 'FROM node:20-bookworm\n' },
    },
    {
      name: 'Debian and Ubuntu are one family; distroless base is built from Debian',
      files: { 'a/Dockerfile': 'FROM ubuntu:24.04\n', 'b/Dockerfile': 'FROM eclipse-temurin:21-jre\n', 'c/Dockerfile': 'FROM gcr.io/distroless/base-debian12\n' },
    },
    {
      name: 'scratch, distroless static and BusyBox have no distribution to share',
      files: {
        'a/Dockerfile': 'FROM alpine:3.20\n',
        'b/Dockerfile': 'FROM golang:1.22 AS build\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n',
        'c/Dockerfile': 'FROM gcr.io/distroless/static-debian12:nonroot\n',
        'd/Dockerfile': 'FROM busybox:1.36\n',
      },
    },
    {
      name: 'build stages do not count, only what ships',
      files: { 'a/Dockerfile': 'FROM node:20-alpine AS build\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app\n', 'b/Dockerfile': 'FROM python:3.12-slim\n' },
    },
    {
      name: 'unknown images and Windows images are not counted',
      files: {
        'a/Dockerfile': 'FROM alpine:3.20\n',
        'b/Dockerfile': 'FROM registry.example.com/platform/base:7\n',
        'c/Dockerfile': 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\n',
        'd/Dockerfile': 'FROM ${BASE}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'one Alpine image among Debian ones',
      files: {
        'api/Dockerfile': 'FROM python:3.12-slim\n',
        'web/Dockerfile': 'FROM node:20-slim\nCMD ["node", "server.js"]\n',
        'worker/Dockerfile': '# syntax=docker/dockerfile:1\nFROM golang:1.22-alpine AS build\nRUN go build -o /w .\nFROM alpine:3.20\nCOPY --from=build /w /w\n',
      },
      errors: ['worker/Dockerfile 4:6-4:17'],
      messages: ['This final image is based on alpine (`alpine:3.20`), while the workspace\'s final images mostly use debian/ubuntu (debian/ubuntu 2, alpine 1): every extra distribution is another libc, package manager and security feed to follow, and no base layers are shared. Base it on debian/ubuntu if you can.'],
      noFix: true,
    },
    {
      name: 'a tie: every image is reported',
      files: { 'a/Dockerfile': 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\n', 'b/Containerfile': 'FROM alpine:3.20\n' },
      errors: ['a/Dockerfile 1:6-1:53', 'b/Containerfile 1:6-1:17'],
      messages: ['The final images of the workspace are split between distribution families (alpine 1, rhel-like 1); this one is based on rhel-like', 'this one is based on alpine (`alpine:3.20`)'],
    },
    {
      name: 'the FROM at the root of the final stage’s chain, with its ARG default',
      files: {
        'a/Dockerfile': 'ARG BASE=alpine:3.20\nFROM ${BASE} AS runtime\nRUN apk add --no-cache tini\nFROM runtime\nCMD ["/app"]\n',
        'b/Dockerfile': 'FROM debian:12-slim\n',
        'c/Dockerfile': 'FROM ubuntu:22.04\n',
      },
      errors: ['a/Dockerfile 2:6-2:13'],
      messages: ['based on alpine (`${BASE}`)'],
    },
  ],
});
