# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
ARG ALPINE_VERSION=3.20
FROM alpine:$ALPINE_VERSION
RUN apk --no-cache add s6
COPY root /
ENTRYPOINT ["/sbin/init"]
