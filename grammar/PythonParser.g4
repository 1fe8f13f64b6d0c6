/*
 * oomlint's own parser grammar for Python 3.8 - 3.13, written for ANTLR 4 from the Python Language
 * Reference. Tokens come from PythonLexer (see TOKENS.md).
 *
 * Design notes:
 * - The grammar is shaped for fast SLL prediction: nearly every decision is LL(1) or LL(2). Where the
 *   language is context sensitive (assignment targets, parameter order, which expressions may be
 *   starred, generator-as-sole-argument, ...) the grammar accepts a superset and AstBuilder checks it
 *   and reports CPython's message.
 * - All binary, boolean, comparison and `not` operators form ONE flat rule (`disjunction`, inlined
 *   into `expression`); AstBuilder rebuilds the precedence tree iteratively. Unary operators, await,
 *   the atom, its trailers and `**` form one rule (`factor`). This keeps the parse tree shallow (an
 *   ordinary name is three rules below `expression` instead of fifteen) and a 50,000-term chain flat.
 * - Soft keywords (match, case, type, _) are separate tokens that `name` accepts; the statements that
 *   use them are chosen by ALL(*) lookahead only where the keyword reading can apply.
 */
parser grammar PythonParser;

options { tokenVocab = PythonLexer; contextSuperClass = ParserContextBase; }

@parser::header { import dev.oomlint.parser.antlr.TokenArray; }

@parser::members {
  /**
   * The token stream, typed as the final {@link TokenArray}: it hides {@code Parser._input}, so the
   * generated lookahead ({@code _input.LA(1)}) makes plain calls instead of interface calls.
   */
  protected TokenArray _input;

  @Override
  public void setTokenStream(TokenStream input) {
    super.setTokenStream(input);
    _input = (TokenArray) input;
  }

  /**
   * The error strategy typed as a class (every ANTLR strategy extends {@link DefaultErrorStrategy}); it
   * hides {@code Parser._errHandler}, so the generated code's many {@code sync} calls are virtual
   * calls instead of interface calls.
   */
  protected DefaultErrorStrategy _errHandler = (DefaultErrorStrategy) super._errHandler;

  @Override
  public void setErrorHandler(ANTLRErrorStrategy handler) {
    super.setErrorHandler(handler);
    _errHandler = (DefaultErrorStrategy) handler;
  }
}

// ---------------------------------------------------------------------------------------------
// Files and statements
// ---------------------------------------------------------------------------------------------

file_input : statement* EOF ;

statement : compound_stmt | simple_stmts ;

simple_stmts : simple_stmt (SEMI simple_stmt)* SEMI? NEWLINE ;

simple_stmt
  : type_alias
  | expr_stmt
  | return_stmt
  | import_stmt
  | raise_stmt
  | PASS
  | del_stmt
  | yield_expr
  | assert_stmt
  | BREAK
  | CONTINUE
  | global_stmt
  | nonlocal_stmt
  ;

/** Assignment, augmented assignment, annotated assignment or a bare expression; targets are checked by the builder. */
expr_stmt
  : star_expressions
    ( COLON annotation=expression (EQUAL annotated_rhs)?
    | augassign (yield_expr | star_expressions)
    | (EQUAL annotated_rhs)+
    )?
  ;

annotated_rhs : yield_expr | star_expressions ;

augassign
  : PLUSEQUAL | MINEQUAL | STAREQUAL | ATEQUAL | SLASHEQUAL | PERCENTEQUAL | AMPEREQUAL | VBAREQUAL
  | CIRCUMFLEXEQUAL | LEFTSHIFTEQUAL | RIGHTSHIFTEQUAL | DOUBLESTAREQUAL | DOUBLESLASHEQUAL
  ;

type_alias : TYPE name type_params? EQUAL expression ;

return_stmt : RETURN star_expressions? ;

raise_stmt : RAISE (expression (FROM expression)?)? ;

global_stmt : GLOBAL name (COMMA name)* ;

nonlocal_stmt : NONLOCAL name (COMMA name)* ;

del_stmt : DEL del_target (COMMA del_target)* COMMA? ;

del_target : star_expression ;

assert_stmt : ASSERT expression (COMMA expression)? ;

import_stmt : import_name | import_from ;

import_name : IMPORT dotted_as_name (COMMA dotted_as_name)* ;

dotted_as_name : dotted_name (AS name)? ;

dotted_name : name (DOT name)* ;

import_from : FROM (DOT | ELLIPSIS)* dotted_name? IMPORT import_targets ;

import_targets
  : STAR
  | LPAR import_as_name (COMMA import_as_name)* COMMA? RPAR
  | import_as_name (COMMA import_as_name)* COMMA?
  ;

import_as_name : name (AS name)? ;

// ---------------------------------------------------------------------------------------------
// Compound statements
// ---------------------------------------------------------------------------------------------

compound_stmt
  : function_def
  | if_stmt
  | class_def
  | with_stmt
  | for_stmt
  | try_stmt
  | while_stmt
  | match_stmt
  | decorated
  | async_stmt
  ;

async_stmt : ASYNC (function_def | with_stmt | for_stmt) ;

decorated : decorator+ (class_def | function_def | ASYNC function_def) ;

decorator : AT named_expression NEWLINE ;

block
  : NEWLINE INDENT statement+ DEDENT
  | simple_stmts
  ;

function_def : DEF name type_params? LPAR parameters? RPAR (RARROW expression)? COLON block ;

class_def : CLASS name type_params? (LPAR arguments? RPAR)? COLON block ;

/** Parameters in any order; AstBuilder checks the order and builds ast.arguments. */
parameters : parameter (COMMA parameter)* COMMA? ;

parameter
  : SLASH
  | STAR (name (COLON star_expression)?)?
  | DOUBLESTAR name (COLON expression)?
  | name (COLON expression)? (EQUAL expression)?
  ;

if_stmt : IF named_expression COLON block elif_clause* else_block? ;

elif_clause : ELIF named_expression COLON block ;

else_block : ELSE COLON block ;

while_stmt : WHILE named_expression COLON block else_block? ;

for_stmt : FOR target_list IN star_expressions COLON block else_block? ;

with_stmt
  : WITH LPAR with_item (COMMA with_item)* COMMA? RPAR COLON block
  | WITH with_item (COMMA with_item)* COLON block
  ;

with_item : expression (AS target)? ;

try_stmt
  : TRY COLON block
    ( except_clause+ else_block? finally_block?
    | finally_block
    )
  ;

except_clause : EXCEPT (STAR? expression (AS name)?)? COLON block ;

finally_block : FINALLY COLON block ;

// ---------------------------------------------------------------------------------------------
// match statement (3.10)
// ---------------------------------------------------------------------------------------------

match_stmt : MATCH subject=star_named_expressions COLON NEWLINE INDENT case_block+ DEDENT ;

case_block : CASE patterns (IF guard=named_expression)? COLON block ;

/** A single pattern, or an open sequence pattern when a comma or star appears at top level. */
patterns : maybe_star_pattern (COMMA maybe_star_pattern)* COMMA? ;

maybe_star_pattern : star_pattern | pattern ;

star_pattern : STAR name ;

pattern : or_pattern (AS name)? ;

or_pattern : closed_pattern (VBAR closed_pattern)* ;

closed_pattern
  : literal_pattern
  | name_or_attr (LPAR class_pattern_args? RPAR)?
  | LPAR (maybe_star_pattern (COMMA maybe_star_pattern)* COMMA?)? RPAR
  | LSQB (maybe_star_pattern (COMMA maybe_star_pattern)* COMMA?)? RSQB
  | LBRACE (mapping_item (COMMA mapping_item)* COMMA?)? RBRACE
  ;

literal_pattern
  : MINUS? NUMBER ((PLUS | MINUS) NUMBER)?
  | strings
  | NONE
  | TRUE
  | FALSE
  ;

name_or_attr : name (DOT name)* ;

class_pattern_args : class_pattern_arg (COMMA class_pattern_arg)* COMMA? ;

class_pattern_arg : name EQUAL pattern | pattern ;

mapping_item
  : DOUBLESTAR name
  | (literal_pattern | name_or_attr) COLON pattern
  ;

// ---------------------------------------------------------------------------------------------
// PEP 695 type parameters (3.12) with PEP 696 defaults (3.13)
// ---------------------------------------------------------------------------------------------

type_params : LSQB type_param (COMMA type_param)* COMMA? RSQB ;

type_param
  : name (COLON expression)? (EQUAL expression)?
  | STAR name (EQUAL star_expression)?
  | DOUBLESTAR name (EQUAL expression)?
  ;

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

/** Inlines star_expression (the hot path of every expression statement). */
star_expressions : (STAR bitwise_or | expression) (COMMA (STAR bitwise_or | expression))* COMMA? ;

star_expression : STAR bitwise_or | expression ;

star_named_expressions : star_named_expression (COMMA star_named_expression)* COMMA? ;

star_named_expression : STAR bitwise_or | named_expression ;

/** An expression or a walrus; the builder checks that the walrus target is a plain name. */
named_expression : expression (COLONEQUAL expression)? ;

/** A conditional expression or lambda; its first part inlines {@code disjunction} to keep the tree shallow. */
expression
  : NOT* factor (binop NOT* factor)* (IF disjunction ELSE expression)?
  | lambdef
  ;

yield_expr : YIELD (FROM expression | star_expressions)? ;

/** or / and / not / comparisons / binary operators, flat; AstBuilder applies precedence. */
disjunction : NOT* factor (binop NOT* factor)* ;

binop
  : OR | AND
  | EQEQUAL | NOTEQUAL | LESS | LESSEQUAL | GREATER | GREATEREQUAL | IN | NOT IN | IS NOT? 
  | VBAR | CIRCUMFLEX | AMPER | LEFTSHIFT | RIGHTSHIFT | PLUS | MINUS
  | STAR | SLASH | DOUBLESLASH | PERCENT | AT
  ;

/** The operand of a star and of a target: binary operators only (no comparison, `not`, `and`, `or`). */
bitwise_or : factor (arith_op factor)* ;

arith_op
  : VBAR | CIRCUMFLEX | AMPER | LEFTSHIFT | RIGHTSHIFT | PLUS | MINUS
  | STAR | SLASH | DOUBLESLASH | PERCENT | AT
  ;

/** Unary operators, await, an atom with its trailers, and a power: one rule, so an operand is one context. */
factor : (PLUS | MINUS | TILDE)* AWAIT? atom trailer* (DOUBLESTAR factor)? ;

trailer
  : DOT name
  | LPAR arguments? RPAR
  | LSQB slices RSQB
  ;

atom
  : NAME | MATCH | CASE | TYPE | UNDERSCORE
  | NUMBER
  | strings
  | NONE
  | TRUE
  | FALSE
  | ELLIPSIS
  | paren_atom
  | list_atom
  | brace_atom
  ;

paren_atom : LPAR (yield_expr | star_named_expression (comp_for+ | (COMMA star_named_expression)* COMMA?))? RPAR ;

list_atom : LSQB (star_named_expression (comp_for+ | (COMMA star_named_expression)* COMMA?))? RSQB ;

/** A dict, set, dict comprehension or set comprehension, told apart after the first element. */
brace_atom
  : LBRACE
    ( DOUBLESTAR bitwise_or dict_rest
    | star_named_expression
      ( COLON expression (comp_for+ | dict_rest)
      | comp_for+
      | (COMMA star_named_expression)* COMMA?
      )
    )?
    RBRACE
  ;

dict_rest : (COMMA dict_item)* COMMA? ;

dict_item : DOUBLESTAR bitwise_or | expression COLON expression ;

comp_for : ASYNC? FOR target_list IN disjunction (IF disjunction)* ;

/** Comma-separated targets (for loops and comprehensions); a trailing comma or several make a tuple. */
target_list : target (COMMA target)* COMMA? ;

target : STAR? bitwise_or ;

strings : (STRING | fstring)+ ;

fstring : FSTRING_START (FSTRING_MIDDLE | fstring_field)* FSTRING_END ;

fstring_field
  : LBRACE (yield_expr | star_expressions) EQUAL? (EXCLAMATION conversion=name)?
    (COLON (FSTRING_MIDDLE | fstring_field)*)? RBRACE
  ;

lambdef : LAMBDA lambda_parameters? COLON expression ;

lambda_parameters : lambda_parameter (COMMA lambda_parameter)* COMMA? ;

lambda_parameter
  : SLASH
  | STAR name?
  | DOUBLESTAR name
  | name (EQUAL expression)?
  ;

/** Call arguments in any order; the builder checks order and the generator-as-sole-argument rule. */
arguments : argument (COMMA argument)* COMMA? ;

argument
  : name EQUAL expression
  | STAR expression
  | DOUBLESTAR expression
  | named_expression comp_for*
  ;

slices : slice (COMMA slice)* COMMA? ;

slice
  : STAR bitwise_or
  | named_expression (COLON expression? (COLON expression?)?)?
  | COLON expression? (COLON expression?)?
  ;

name : NAME | MATCH | CASE | TYPE | UNDERSCORE ;
