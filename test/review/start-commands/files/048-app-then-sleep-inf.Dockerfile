# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM debian:bookworm
WORKDIR /opt/iventoy
CMD ./lib/iventoy && sleep inf
