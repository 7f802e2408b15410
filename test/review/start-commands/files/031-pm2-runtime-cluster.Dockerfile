# SYNTHETIC equivalent (source licence does not allow copying): same start-command construct as the source.
FROM node:22-alpine
WORKDIR /app
RUN npm install -g pm2
COPY . .
CMD [ "pm2-runtime","server.js","--only","APP","-i","max"]
