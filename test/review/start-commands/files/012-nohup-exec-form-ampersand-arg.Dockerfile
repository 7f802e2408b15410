# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM python:3.12
WORKDIR /workdir
COPY . .
CMD ["nohup", "python3", "./bot", "&"]
