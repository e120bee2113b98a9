package dev.portalloc.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.portalloc.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads {@code Authorization: Bearer <token>} and sends 401 challenges with a problem body. Quarkus calls it only
 * for requests that a {@code quarkus.http.auth.permission.*} entry protects, because proactive authentication is off.
 */
@ApplicationScoped
class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final String SCHEME = "Bearer";
    private static final String CHALLENGE = SCHEME + " realm=\"port-allocator\"";
    /**
     * The identity of every request while no token is configured. It has every role, so the permissions in
     * {@code application.properties} stay as they are and still let each request through.
     */
    private static final SecurityIdentity OPEN_ACCESS = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("open-access"))
            .addRoles(Set.of(Roles.ADMIN, Roles.ALLOCATOR))
            .build();

    private final BearerTokens tokens;
    private final ProblemWriter problems;
    private final RejectedTokenLog rejections;

    BearerTokenMechanism(BearerTokens tokens, ProblemWriter problems, RejectedTokenLog rejections) {
        this.tokens = tokens;
        this.problems = problems;
        this.rejections = rejections;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!tokens.enabled()) {
            return Uni.createFrom().item(OPEN_ACCESS);
        }
        Optional<String> token = bearerToken(context);
        if (token.isEmpty()) {
            // Anonymous: a protected path then gets the challenge below.
            return Uni.createFrom().nullItem();
        }
        var request = new TokenAuthenticationRequest(new TokenCredential(token.get(), SCHEME.toLowerCase()));
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context))
                .onFailure(AuthenticationFailedException.class).invoke(() -> rejections.record(context.request()));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaders.WWW_AUTHENTICATE, challenge(context)));
    }

    /**
     * Sends the whole 401 response. Quarkus calls this when a protected path gets a request without a token; for an
     * invalid token {@link AuthProblemHandler} calls it. Quarkus ends the response itself only when it is still open.
     */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        boolean presented = bearerToken(context).isPresent();
        String detail = presented
                ? "the bearer token is not valid: send a configured allocator or admin token"
                : "a bearer token is required: send the header 'Authorization: Bearer <token>'";
        context.response().putHeader(HttpHeaders.WWW_AUTHENTICATE, challenge(context));
        problems.send(context, Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", detail));
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }

    private String challenge(RoutingContext context) {
        // RFC 6750, section 3: an invalid token is reported as error="invalid_token".
        return bearerToken(context).isPresent() ? CHALLENGE + ", error=\"invalid_token\"" : CHALLENGE;
    }

    /** Returns the credentials of an Authorization header with the Bearer scheme, whose name is case-insensitive. */
    private static Optional<String> bearerToken(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(SCHEME.length() + 1).strip());
    }
}
