/*
 * oomlint's own lexer grammar for Python 3.8 - 3.13 source code.
 *
 * Written from the Python Language Reference, chapter 2 "Lexical analysis", and from the observable
 * behaviour of CPython's tokenizer. The token vocabulary is fixed by TOKENS.md (shared with
 * PythonParser.g4). What a regular grammar cannot express lives in PythonLexerBase: INDENT / DEDENT from
 * the indentation stack, NEWLINE only at the end of logical lines, bracket depth, the f-string mode stack
 * and all error reporting. Rules here carry no actions and no mode commands (only two small predicates in
 * the f-string fragments); the base class looks at every token after it has been matched, and at the
 * mode it was matched in, and pushes / pops the modes itself.
 */
lexer grammar PythonLexer;

options { superClass = PythonLexerBase; }

tokens { INDENT, DEDENT, FSTRING_MIDDLE, FSTRING_END, ERR_FSTRING_NEWLINE }

channels { COMMENTS }

// ---------------------------------------------------------------------------------------------------
// Keywords (hard), before NAME so that an exact keyword wins the tie with NAME.
FALSE    : 'False';
NONE     : 'None';
TRUE     : 'True';
AND      : 'and';
AS       : 'as';
ASSERT   : 'assert';
ASYNC    : 'async';
AWAIT    : 'await';
BREAK    : 'break';
CLASS    : 'class';
CONTINUE : 'continue';
DEF      : 'def';
DEL      : 'del';
ELIF     : 'elif';
ELSE     : 'else';
EXCEPT   : 'except';
FINALLY  : 'finally';
FOR      : 'for';
FROM     : 'from';
GLOBAL   : 'global';
IF       : 'if';
IMPORT   : 'import';
IN       : 'in';
IS       : 'is';
LAMBDA   : 'lambda';
NONLOCAL : 'nonlocal';
NOT      : 'not';
OR       : 'or';
PASS     : 'pass';
RAISE    : 'raise';
RETURN   : 'return';
TRY      : 'try';
WHILE    : 'while';
WITH     : 'with';
YIELD    : 'yield';

// Soft keywords: own token types; the parser accepts them wherever a NAME is allowed.
MATCH      : 'match';
CASE       : 'case';
TYPE       : 'type';
UNDERSCORE : '_';

// ---------------------------------------------------------------------------------------------------
// Literals. STRING and FSTRING_START must come before NAME (a prefix such as `rb` is also a name; the
// longer match wins, and a string literal is always longer than its prefix).
STRING
  : STRING_PREFIX? ( SHORT_SQ_STRING | SHORT_DQ_STRING | LONG_SQ_STRING | LONG_DQ_STRING )
  ;

FSTRING_START
  : FSTRING_PREFIX ( '\'' | '"' | '\'\'\'' | '"""' )
  ;

NUMBER
  : INTEGER
  | FLOAT_NUMBER
  | IMAG_NUMBER
  ;

NAME
  : ID_START ID_CONTINUE*
  ;

// ---------------------------------------------------------------------------------------------------
// Operators and delimiters (longest match picks `**=` over `**` over `*`).
LPAR             : '(';
RPAR             : ')';
LSQB             : '[';
RSQB             : ']';
LBRACE           : '{';
RBRACE           : '}';
COLON            : ':';
COMMA            : ',';
SEMI             : ';';
PLUS             : '+';
MINUS            : '-';
STAR             : '*';
SLASH            : '/';
VBAR             : '|';
AMPER            : '&';
LESS             : '<';
GREATER          : '>';
EQUAL            : '=';
DOT              : '.';
PERCENT          : '%';
EQEQUAL          : '==';
NOTEQUAL         : '!=';
LESSEQUAL        : '<=';
GREATEREQUAL     : '>=';
TILDE            : '~';
CIRCUMFLEX       : '^';
LEFTSHIFT        : '<<';
RIGHTSHIFT       : '>>';
DOUBLESTAR       : '**';
PLUSEQUAL        : '+=';
MINEQUAL         : '-=';
STAREQUAL        : '*=';
SLASHEQUAL       : '/=';
PERCENTEQUAL     : '%=';
AMPEREQUAL       : '&=';
VBAREQUAL        : '|=';
CIRCUMFLEXEQUAL  : '^=';
LEFTSHIFTEQUAL   : '<<=';
RIGHTSHIFTEQUAL  : '>>=';
DOUBLESTAREQUAL  : '**=';
DOUBLESLASH      : '//';
DOUBLESLASHEQUAL : '//=';
AT               : '@';
ATEQUAL          : '@=';
RARROW           : '->';
ELLIPSIS         : '...';
COLONEQUAL       : ':=';
EXCLAMATION      : '!';

// ---------------------------------------------------------------------------------------------------
// Layout. The base class turns a physical line break into NEWLINE only at the end of a logical line
// and drops it otherwise (inside brackets, after blank and comment-only lines).
NEWLINE
  : '\r\n' | '\r' | '\n'
  ;

COMMENT
  : '#' ~[\r\n]* -> channel(COMMENTS)
  ;

WS
  : [ \t\f]+ -> skip
  ;

/** Backslash-newline: joins lines. The base class checks it is not the end of the file, then drops it. */
LINE_CONTINUATION
  : '\\' ( '\r\n' | '\r' | '\n' ) -> channel(HIDDEN)
  ;

/**
 * ASCII characters that start no token. Like CPython's ERRORTOKEN this is not a lexical error: it goes
 * to the parser, which fails on it with "invalid syntax" (and CPython then prefers a real tokenizer
 * error later in the file, if there is one).
 */
ERRORTOKEN
  : [$?`]
  ;

// ---------------------------------------------------------------------------------------------------
// Error tokens: never reach the parser. The base class turns each into a SyntaxError.

/** A single-quoted string that reaches the end of its line (or of the file) without its closing quote. */
ERR_UNTERMINATED_STRING
  : STRING_PREFIX? ( '\'' SHORT_SQ_ITEM* | '"' SHORT_DQ_ITEM* )
  ;

/** A triple-quoted string that reaches the end of the file without its closing quotes. */
ERR_UNTERMINATED_LONG_STRING
  : STRING_PREFIX? ( '\'\'\'' LONG_SQ_ITEM* ( '\'' | '\'\'' )? | '"""' LONG_DQ_ITEM* ( '"' | '""' )? ) '\\'? EOF
  ;

/** `0777`: a decimal integer with a leading zero (only zeros may follow a leading zero). */
ERR_LEADING_ZERO
  : '0'+ ( '_'? '0' )* '_'? [1-9] ( '_'? DIGIT )*
  ;

// ---------------------------------------------------------------------------------------------------
// Fragments.
fragment STRING_PREFIX  : [rRuUbB] | [bB] [rR] | [rR] [bB];
fragment FSTRING_PREFIX : [fF] | [fF] [rR] | [rR] [fF];

fragment ESCAPE_SEQ     : '\\' ( '\r\n' | . );

fragment SHORT_SQ_ITEM  : ~[\\'\r\n] | ESCAPE_SEQ;
fragment SHORT_DQ_ITEM  : ~[\\"\r\n] | ESCAPE_SEQ;
fragment SHORT_SQ_STRING: '\'' SHORT_SQ_ITEM* '\'';
fragment SHORT_DQ_STRING: '"' SHORT_DQ_ITEM* '"';

// One item of a triple-quoted body: never the start of the closing triple quote.
fragment LONG_SQ_ITEM   : ~[\\'] | ESCAPE_SEQ | '\'' '\''? ( ~[\\'] | ESCAPE_SEQ );
fragment LONG_DQ_ITEM   : ~[\\"] | ESCAPE_SEQ | '"' '"'? ( ~[\\"] | ESCAPE_SEQ );
fragment LONG_SQ_STRING : '\'\'\'' LONG_SQ_ITEM* '\'\'\'';
fragment LONG_DQ_STRING : '"""' LONG_DQ_ITEM* '"""';

fragment DIGIT          : [0-9];
fragment DIGIT_PART     : DIGIT ( '_'? DIGIT )*;
fragment INTEGER
  : [1-9] ( '_'? DIGIT )*
  | '0'+ ( '_'? '0' )*
  | '0' [bB] ( '_'? [01] )+
  | '0' [oO] ( '_'? [0-7] )+
  | '0' [xX] ( '_'? [0-9a-fA-F] )+
  ;
fragment POINT_FLOAT    : DIGIT_PART? '.' DIGIT_PART | DIGIT_PART '.';
fragment EXPONENT       : [eE] [+-]? DIGIT_PART;
fragment FLOAT_NUMBER   : POINT_FLOAT | ( DIGIT_PART | POINT_FLOAT ) EXPONENT;
fragment IMAG_NUMBER    : ( FLOAT_NUMBER | DIGIT_PART ) [jJ];

// Identifiers (PEP 3131): the underscore or XID_Start, then XID_Continue (which includes the ASCII
// letters, digits and the underscore). Here every non-ASCII character is let in: the lexer base cuts a
// NAME holding one where XID_Start / XID_Continue end it (XidTables), since ANTLR would deserialise
// those two large Unicode sets at every start. NFKC normalization is the AST builder's concern.
fragment ID_START       : [_a-zA-Z\u0080-\u{10FFFF}];
fragment ID_CONTINUE    : [_a-zA-Z0-9\u0080-\u{10FFFF}];

// f-string literal text (used by the modes below).

/**
 * Escape inside f-string literal text: a backslash with the next character, but never a brace. In a
 * non-raw f-string `\N{NAME}` is one escape (its braces open no field).
 */
fragment F_ESCAPE
  : '\\' ( 'N{' {!rawFString()}? ~[{}\\'"\r\n]* '}' | '\r\n' | ~[{}] )
  ;
fragment FSQ_ITEM  : ~[{}\\'\r\n] | F_ESCAPE;
fragment FDQ_ITEM  : ~[{}\\"\r\n] | F_ESCAPE;
// In triple-quoted text one or two quotes are text when no third quote follows.
fragment FTSQ_ITEM : ~[{}\\'] | F_ESCAPE | '\'' '\''? {_input.LA(1) != '\''}?;
fragment FTDQ_ITEM : ~[{}\\"] | F_ESCAPE | '"' '"'? {_input.LA(1) != '"'}?;

// ===================================================================================================
// f-string modes. FSTR_* hold the literal text between replacement fields, SPEC_* the text of a
// format spec (after the `:` of a field). A replacement field itself is lexed in DEFAULT_MODE; the base
// class pushes and pops these modes. `{{` and `}}` are literal text outside a format spec; a backslash
// right before a brace stays literal text and the brace keeps its meaning (CPython 3.12); `\N{...}` is a
// named escape in a non-raw f-string.

mode FSTR_SQ;
FSQ_MIDDLE   : ( ( FSQ_ITEM | '{{' | '}}' | '\\{{' | '\\}}' )+ '\\'? | '\\' ) -> type(FSTRING_MIDDLE);
FSQ_LBRACE   : '{' -> type(LBRACE);
FSQ_RBRACE   : '}' -> type(RBRACE);
FSQ_END      : '\'' -> type(FSTRING_END);
FSQ_NEWLINE  : ( '\r\n' | '\r' | '\n' ) -> type(ERR_FSTRING_NEWLINE);

mode FSTR_DQ;
FDQ_MIDDLE   : ( ( FDQ_ITEM | '{{' | '}}' | '\\{{' | '\\}}' )+ '\\'? | '\\' ) -> type(FSTRING_MIDDLE);
FDQ_LBRACE   : '{' -> type(LBRACE);
FDQ_RBRACE   : '}' -> type(RBRACE);
FDQ_END      : '"' -> type(FSTRING_END);
FDQ_NEWLINE  : ( '\r\n' | '\r' | '\n' ) -> type(ERR_FSTRING_NEWLINE);

mode FSTR_TSQ;
FTSQ_MIDDLE  : ( ( FTSQ_ITEM | '{{' | '}}' | '\\{{' | '\\}}' )+ '\\'? | '\\' ) -> type(FSTRING_MIDDLE);
FTSQ_LBRACE  : '{' -> type(LBRACE);
FTSQ_RBRACE  : '}' -> type(RBRACE);
FTSQ_END     : '\'\'\'' -> type(FSTRING_END);

mode FSTR_TDQ;
FTDQ_MIDDLE  : ( ( FTDQ_ITEM | '{{' | '}}' | '\\{{' | '\\}}' )+ '\\'? | '\\' ) -> type(FSTRING_MIDDLE);
FTDQ_LBRACE  : '{' -> type(LBRACE);
FTDQ_RBRACE  : '}' -> type(RBRACE);
FTDQ_END     : '"""' -> type(FSTRING_END);

mode SPEC_SQ;
SSQ_MIDDLE   : ( FSQ_ITEM+ '\\'? | '\\' ) -> type(FSTRING_MIDDLE);
SSQ_LBRACE   : '{' -> type(LBRACE);
SSQ_RBRACE   : '}' -> type(RBRACE);
SSQ_END      : '\'' -> type(FSTRING_END);
SSQ_NEWLINE  : ( '\r\n' | '\r' | '\n' ) -> type(ERR_FSTRING_NEWLINE);

mode SPEC_DQ;
SDQ_MIDDLE   : ( FDQ_ITEM+ '\\'? | '\\' ) -> type(FSTRING_MIDDLE);
SDQ_LBRACE   : '{' -> type(LBRACE);
SDQ_RBRACE   : '}' -> type(RBRACE);
SDQ_END      : '"' -> type(FSTRING_END);
SDQ_NEWLINE  : ( '\r\n' | '\r' | '\n' ) -> type(ERR_FSTRING_NEWLINE);

mode SPEC_TSQ;
STSQ_MIDDLE  : ( FTSQ_ITEM+ '\\'? | '\\' ) -> type(FSTRING_MIDDLE);
STSQ_LBRACE  : '{' -> type(LBRACE);
STSQ_RBRACE  : '}' -> type(RBRACE);
STSQ_END     : '\'\'\'' -> type(FSTRING_END);

mode SPEC_TDQ;
STDQ_MIDDLE  : ( FTDQ_ITEM+ '\\'? | '\\' ) -> type(FSTRING_MIDDLE);
STDQ_LBRACE  : '{' -> type(LBRACE);
STDQ_RBRACE  : '}' -> type(RBRACE);
STDQ_END     : '"""' -> type(FSTRING_END);
