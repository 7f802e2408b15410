# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM alpine:3.3
COPY rootfs /
RUN wget -O /tmp/s6-overlay.tar.gz https://github.com/just-containers/s6-overlay/releases/download/v1.17.2.0/s6-overlay-amd64.tar.gz \
 && tar xzf /tmp/s6-overlay.tar.gz -C / && rm -f /tmp/s6-overlay.tar.gz
ENTRYPOINT [ "/init" ]
