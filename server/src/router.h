#pragma once

// Routes: a method and a path pattern ("/v1/entities/{id}/neighbors") to a handler. A path that
// matches a pattern under another method is 405 with Allow; a path that matches none is 404.

#include "http_util.h"

#include <functional>

namespace innograph::server {

class Service;

struct RequestContext {
    const Request& request;
    Target target;
    std::vector<std::string> pathParams; // the {…} parts of the matched pattern, in order
    std::string requestId;
    std::string route; // the matched pattern, for metrics and logs
    // Whether the request carries the configured bearer token.
    bool authorized = false;
    bool hasAuthorization = false;
};

using Handler = std::function<Response(Service&, RequestContext&)>;

class Router {
public:
    void add(http::verb method, std::string pattern, Handler handler);

    struct Match {
        const Handler* handler = nullptr;
        std::string pattern;
        std::vector<std::string> params;
        std::string allow; // methods that would match, when handler is null but the path is known
    };
    Match match(http::verb method, const std::string& path) const;

private:
    struct Route {
        http::verb method;
        std::string pattern;
        std::vector<std::string> parts;
        Handler handler;
    };
    std::vector<Route> routes_;
};

// Every handler file registers its routes with one of these.
void registerQueryRoutes(Router& router);
void registerQueryV2Routes(Router& router);
void registerEntityRoutes(Router& router);
void registerPathRoutes(Router& router);
void registerSchemaRoutes(Router& router);
void registerDocumentRoutes(Router& router);
void registerExportRoutes(Router& router);
void registerHealthRoutes(Router& router);
void registerGeoRoutes(Router& router);
void registerStaticRoutes(Router& router);

} // namespace innograph::server
