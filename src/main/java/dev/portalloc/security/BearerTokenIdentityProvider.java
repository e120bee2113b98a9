package dev.portalloc.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Turns a presented bearer token into an identity with the roles of the matching configured token. The principal is
 * the configuration entry, such as {@code portalloc.auth.admin-tokens[0]}, so logs can name it without the secret.
 */
@ApplicationScoped
class BearerTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final BearerTokens tokens;

    BearerTokenIdentityProvider(BearerTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return tokens.match(request.getToken().getToken())
                .map(entry -> Uni.createFrom().item(identity(entry)))
                // The message reaches debug logs only, and names no part of the token.
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("unknown bearer token")));
    }

    private static SecurityIdentity identity(BearerTokens.Entry entry) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(entry.name()))
                .addRoles(entry.roles())
                .build();
    }
}
