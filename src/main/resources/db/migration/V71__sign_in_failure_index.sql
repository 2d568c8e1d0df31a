-- Sign-in failures per client IP within a window, counted by every node (SignInFailureLimit).
create index audit_event_sign_in_failed_idx on audit_event (client_ip, at) where action = 'auth.sign-in-failed';
