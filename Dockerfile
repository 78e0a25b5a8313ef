# A small image for building a handleplan site in an intranet's CI:
#
#   docker build -t handleplan .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/site" handleplan build -s /site
#
# The binary is static (no libc), the image holds nothing else, and it runs
# as an unprivileged user. Mount the site at /site; the output is written
# to /site/public unless -d says otherwise.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false -ldflags "-s -w" -o /out/handleplan ./cmd/handleplan

FROM scratch
COPY --from=build /out/handleplan /handleplan
USER 65532:65532
WORKDIR /site
ENTRYPOINT ["/handleplan"]
CMD ["build", "-s", "/site"]
