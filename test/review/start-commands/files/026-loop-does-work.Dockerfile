# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM python:3.12
WORKDIR /usr/src/app
COPY . .
CMD ["sh", "-c", "while :; do python loop.py; sleep 10; done"]
