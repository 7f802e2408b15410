# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM python:3.12-slim
WORKDIR /app
COPY . .
CMD nohup python3 main.py > bot_output.log 2>&1 &
