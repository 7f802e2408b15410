# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM python:3.13
WORKDIR /bot
COPY . /bot
CMD nohup python main.py &
