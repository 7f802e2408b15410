import { ruleTable } from '../helpers/rule-table';

ruleTable('lean-base-image', {
  valid: [
    'FROM python:3.12-slim\n',
    { name: 'lean and minimal variants', code: 'FROM node:20-alpine AS a\nFROM debian:bookworm-slim AS b\nFROM alpine:3.20 AS c\nFROM redhat/ubi9-micro:9.4 AS d\nFROM busybox:1.36\n' },
    { name: 'scratch and distroless', code: 'FROM golang:1.22 AS build\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /a /a\n' },
    { name: 'only the final stage counts', code: 'FROM python:3.12 AS build\nRUN pip wheel -w /w .\nFROM python:3.12-slim\nCOPY --from=build /w /w\n' },
    { name: 'unknown image', code: 'FROM myorg/python:3.12\n' },
    { name: 'a variable without a default is not judged', code: 'ARG PY\nFROM python:${PY}\n' },
    { name: 'a variable repository is not judged', code: 'ARG REPO=golang\nFROM ${UNSET_REPO}:1.22\n' },
  ],
  invalid: [
    {
      name: 'python: slim before the codename',
      code: 'FROM python:3.12-bookworm\n',
      errors: ['1:13-1:26'],
      messages: ['python:3.12-slim-bookworm'],
      output: 'FROM python:3.12-slim-bookworm\n',
    },
    {
      name: 'node: slim after the codename, registry kept',
      code: 'FROM docker.io/library/node:20 AS app\nCMD ["node", "server.js"]\n',
      errors: ['1:29-1:31'],
      output: 'FROM docker.io/library/node:20-slim AS app\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'eclipse-temurin: JDK → JRE',
      code: 'FROM eclipse-temurin:21-jdk\n',
      errors: ['1:22-1:28'],
      output: 'FROM eclipse-temurin:21-jre\n',
    },
    {
      name: 'openjdk moves to another repository: the whole image is replaced',
      code: 'FROM openjdk:17\n',
      errors: ['1:14-1:16'],
      output: 'FROM eclipse-temurin:17-jre\n',
    },
    {
      name: 'untagged: the name, a tag is added',
      code: 'FROM ruby\n',
      errors: ['1:6-1:10'],
      output: 'FROM ruby:slim\n',
    },
    {
      name: 'a digest pins the full variant and goes',
      code: 'FROM debian:12@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\n',
      errors: ['1:13-1:15'],
      output: 'FROM debian:12-slim\n',
    },
    {
      name: 'ARG default before FROM: the variable stays, the suffix is added',
      code: 'ARG PY_VERSION=3.12\nFROM python:${PY_VERSION}\n',
      errors: ['2:13-2:26'],
      messages: ['python:3.12-slim'],
      output: 'ARG PY_VERSION=3.12\nFROM python:${PY_VERSION}-slim\n',
    },
    {
      name: 'the base of the final stage chain ships',
      code: 'FROM node:20-bookworm AS base\nWORKDIR /app\nFROM base\nCMD ["node", "."]\n',
      errors: ['1:11-1:22'],
      output: 'FROM node:20-bookworm-slim AS base\nWORKDIR /app\nFROM base\nCMD ["node", "."]\n',
    },
    {
      name: 'toolchain: message, no suggestion',
      code: 'FROM maven:3.9-eclipse-temurin-21\nCMD ["java", "-jar", "app.jar"]\n',
      errors: ['1:12-1:34'],
      messages: ['build in a stage, ship scratch/distroless'],
      noFix: true,
    },
    {
      name: 'golang with a variable tag: the toolchain is known, the refactor is offered',
      code: 'ARG GO\nFROM golang:${GO}\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/app .\nCMD ["app"]\n',
      errors: ['2:13-2:18'],
      messages: ['Go toolchain'],
      fixTitle: 'Convert to multi-stage build',
      output: 'ARG GO\nFROM golang:${GO} AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /bin/app .\n\nFROM scratch\nCOPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nCOPY --from=build /bin/app /app\nUSER 65532:65532\nCMD ["/app"]\n',
    },
  ],
});
