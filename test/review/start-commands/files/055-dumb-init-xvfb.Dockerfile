# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM node:20-bookworm
RUN apt-get update && apt-get install -y dumb-init xvfb
ENTRYPOINT ["/usr/bin/dumb-init", "--", "xvfb-run", "--server-args", "-screen 0 1280x1024x24 -ac", "editly"]
