# Installs the pinned npm packages when they are missing or the lockfile changed, then bundles.
# Run with cmake -P so it needs nothing but CMake, node and npm.
# node_modules is shared by every build directory of this source tree: a lock keeps two builds
# from running `npm ci` over each other.

file(LOCK ${WEB_DIR}/.build.lock GUARD PROCESS TIMEOUT 600)

file(SHA256 ${WEB_DIR}/package-lock.json lock_hash)
set(stamp ${WEB_DIR}/node_modules/.innograph-lock-sha256)
set(installed "")
if(EXISTS ${stamp})
    file(READ ${stamp} installed)
endif()
if(NOT EXISTS ${WEB_DIR}/node_modules/vite/package.json OR NOT installed STREQUAL lock_hash)
    message(STATUS "web: npm ci")
    execute_process(COMMAND ${NPM} ci --no-audit --no-fund --loglevel=error
                    WORKING_DIRECTORY ${WEB_DIR} RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "web: `npm ci` failed (${rc}); the npm registry must be reachable "
                            "the first time, or ~/.npm must hold the packages")
    endif()
    file(WRITE ${stamp} ${lock_hash})
endif()

execute_process(COMMAND ${NODE} ${WEB_DIR}/node_modules/vite/bin/vite.js build
                        --outDir ${OUT_DIR} --emptyOutDir --logLevel warn
                WORKING_DIRECTORY ${WEB_DIR} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "web: the bundler failed (${rc})")
endif()
