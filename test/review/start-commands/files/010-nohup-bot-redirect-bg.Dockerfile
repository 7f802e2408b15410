# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM python:3.12-alpine
COPY src/ /app
WORKDIR /app
CMD nohup python bot.py > log.txt 2>&1 &
